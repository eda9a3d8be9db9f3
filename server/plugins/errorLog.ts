import { defineNitroPlugin } from 'nitropack/runtime'
import { loggedRequest, serverErrorLine } from '../utils/observability/serverErrorLog'

/**
 * One line in the server's log for every server error (5xx) that reaches Nitro, with or without error monitoring
 * (docs/observability.md, "The server log"). Nitro's own line for a crashing handler, which prints the raw URL and
 * the error object, is turned off (server/utils/observability/quietErrorHandler.ts), so each error is logged once.
 */
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('error', (error, { event }) => {
    const line = serverErrorLine(error, event && loggedRequest(event))
    if (line) console.error(line)
  })
})
