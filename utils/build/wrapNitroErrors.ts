import type { NitroConfig } from 'nitropack/types'

const VIRTUAL_ID = '#storefront/error-handler'

/** A module exporting, under `name`, a function that takes an error handler and returns it wrapped. */
export interface ErrorHandlerWrapper {
  path: string
  name: string
}

/**
 * For the `nitro:config` hook: Nitro's error handler becomes Nuxt's, wrapped by each of `wrappers`, the first
 * outermost (it hands the next the default handler it was given, changed). Today: the page cache's policy on error
 * answers (server/utils/pageCache/uncachedErrors.ts), then quietErrorHandler, so server errors are logged once and
 * without the request's query (docs/observability.md, "The server log"). Fails the build if Nuxt stops configuring
 * one handler by path: the wrappers would be skipped, raw URLs logged again and error pages sent `no-cache`
 * without anyone noticing.
 */
export function wrapNitroErrors(config: NitroConfig, wrappers: readonly ErrorHandlerWrapper[]): void {
  const nuxtHandler = config.errorHandler
  if (typeof nuxtHandler !== 'string') throw new Error(`wrapNitroErrors: expected Nuxt's error handler as one path, found ${JSON.stringify(nuxtHandler)}`)
  const names = wrappers.map((_, index) => `wrap${index}`)
  config.virtual = {
    ...config.virtual,
    [VIRTUAL_ID]: [
      `import nuxtErrorHandler from ${JSON.stringify(nuxtHandler)}`,
      ...wrappers.map((wrapper, index) => `import { ${wrapper.name} as ${names[index]} } from ${JSON.stringify(wrapper.path)}`),
      `export default ${names.reduceRight((inner, name) => `${name}(${inner})`, 'nuxtErrorHandler')}`,
    ].join('\n'),
  }
  config.errorHandler = VIRTUAL_ID
}
