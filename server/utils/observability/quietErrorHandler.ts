import { send, setResponseHeaders, setResponseStatus } from 'h3'
import type { NitroErrorHandler } from 'nitropack/types'

/**
 * Nuxt's error handler (it renders the error page), with Nitro's default handler told to stay silent. Unsilenced,
 * Nitro logs every crashing handler with the raw URL (query: search terms, reset tokens) and the whole error object;
 * server/plugins/errorLog.ts logs each server error once instead, scrubbed. Installed by utils/build/wrapNitroErrors.ts.
 */
export function quietErrorHandler(nuxtErrorHandler: NitroErrorHandler): NitroErrorHandler {
  return async (error, event, { defaultHandler }) => {
    const silentDefault: typeof defaultHandler = (failure, failedEvent, options) => defaultHandler(failure, failedEvent, { ...options, silent: true })
    await nuxtErrorHandler(error, event, { defaultHandler: silentDefault })
    if (event.handled) return
    // Nuxt leaves JSON requests to Nitro's fallback handler, which would log: answer as it does, silently.
    const response = await silentDefault(error, event)
    setResponseHeaders(event, response.headers)
    setResponseStatus(event, response.status, response.statusText)
    return send(event, typeof response.body === 'string' ? response.body : JSON.stringify(response.body, null, 2))
  }
}
