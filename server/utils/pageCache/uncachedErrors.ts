import type { NitroErrorHandler } from 'nitropack/types'
import { UNCACHED_PAGE_CACHE_CONTROL } from './policy'

/**
 * The error handler (Nuxt's, which renders the error page), with Nitro's default handler saying what the page cache
 * says about every answer it does not keep. Nitro writes `Cache-Control: no-cache` on every 404 and on an error
 * answer that has none, after the page cache middleware has spoken: an unknown path, a crash's 500 and a missing
 * `/_nuxt` file went out as `no-cache`, which a shared cache in front may keep (and serve after asking), unlike every
 * other page the page cache does not keep. Where Nitro writes one, the policy's goes out instead; when it keeps the
 * one a handler set before it threw (an error other than 404), so does this. Installed by utils/build/wrapNitroErrors.ts.
 */
export function uncachedErrors(errorHandler: NitroErrorHandler): NitroErrorHandler {
  return (error, event, { defaultHandler }) => errorHandler(error, event, {
    defaultHandler: async (failure, failedEvent, options) => {
      const response = await defaultHandler(failure, failedEvent, options)
      if (response.headers['cache-control'] !== undefined) response.headers['cache-control'] = UNCACHED_PAGE_CACHE_CONTROL
      return response
    },
  })
}
