import { defineNitroPlugin, useRuntimeConfig } from 'nitropack/runtime'
import { deepFreeze, renderableSecurityRules, sharedSecurityRules, type SecurityOptions } from '../utils/security/sharedRules'

/**
 * Two per-request copies Nitro and nuxt-security make of process-wide settings, made once instead:
 *
 * - `useRuntimeConfig(event)`: Nitro clones the whole runtime config and re-reads the environment for every
 *   request that asks with its event (Nuxt's renderer does, for every page). The environment does not change
 *   while the process runs, so each request gets the process-wide copy Nitro made at start-up.
 * - nuxt-security's rules (`resolveSecurityRules`): a structuredClone of every route's options and a new router
 *   per request. With one rule set for every path (our case: `/**` only) all requests share one frozen copy; a
 *   page render gets its own shallow copy before nuxt-security's `render:html` hook writes the CSP into it.
 *
 * Registered before nuxt-security's plugins (which it sorts last), so these hooks run before its own.
 */
export default defineNitroPlugin((nitroApp) => {
  const runtimeConfig = useRuntimeConfig()
  let options: SecurityOptions | undefined
  let shared: ReturnType<typeof sharedSecurityRules> | undefined


  nitroApp.hooks.hook('nuxt-security:routeRules', (appSecurityOptions) => {
    options = appSecurityOptions as SecurityOptions
  })

  nitroApp.hooks.hook('request', (event) => {
    const nitro = event.context.nitro as { runtimeConfig?: unknown } | undefined
    if (nitro && !nitro.runtimeConfig) nitro.runtimeConfig = runtimeConfig
    // Computed on the first request: every startup hook (e.g. our CSP's img-src) has changed the options by then.
    if (shared === undefined && options) shared = deepFreeze(sharedSecurityRules(options))
    if (!shared) return
    event.context.security ??= {}
    event.context.security.rules ??= shared
  })

  nitroApp.hooks.hook('render:html', (_html, { event }) => {
    const rules = event.context.security?.rules
    if (rules && Object.isFrozen(rules)) event.context.security!.rules = renderableSecurityRules(rules)
  })
})
