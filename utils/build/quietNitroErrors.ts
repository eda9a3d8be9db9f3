import type { NitroConfig } from 'nitropack/types'

const VIRTUAL_ID = '#storefront/quiet-error-handler'

/**
 * For the `nitro:config` hook: Nitro's error handler becomes Nuxt's, wrapped by quietErrorHandler (the file at
 * `wrapperPath`), so server errors are logged once and without the request's query (docs/observability.md,
 * "The server log"). Fails the build if Nuxt stops configuring one handler by path: the wrapper would be skipped
 * and the raw URLs logged again without anyone noticing.
 */
export function quietNitroErrors(config: NitroConfig, wrapperPath: string): void {
  const nuxtHandler = config.errorHandler
  if (typeof nuxtHandler !== 'string') throw new Error(`quietNitroErrors: expected Nuxt's error handler as one path, found ${JSON.stringify(nuxtHandler)}`)
  config.virtual = {
    ...config.virtual,
    [VIRTUAL_ID]: [
      `import nuxtErrorHandler from ${JSON.stringify(nuxtHandler)}`,
      `import { quietErrorHandler } from ${JSON.stringify(wrapperPath)}`,
      'export default quietErrorHandler(nuxtErrorHandler)',
    ].join('\n'),
  }
  config.errorHandler = VIRTUAL_ID
}
