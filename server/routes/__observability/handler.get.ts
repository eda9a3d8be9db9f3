import { createError, defineEventHandler, getRequestURL } from 'h3'
import { useRuntimeConfig } from 'nitropack/runtime'
import { testFaultsEnabled } from '../../../utils/observability/config'

/**
 * Test fault (404 unless NUXT_PUBLIC_SENTRY_TEST_FAULTS=1; docs/observability.md, "Test faults"): a Nitro handler
 * that crashes with a plain Error, its message naming the URL it "called" with this request's query, as a failed
 * fetch's message does.
 */
export default defineEventHandler((event) => {
  if (!testFaultsEnabled(useRuntimeConfig(event).public.sentry)) throw createError({ statusCode: 404, statusMessage: 'Page not found' })
  throw new Error(`Monitoring test fault: handler error calling http://backend.internal/api/products/${getRequestURL(event).search}`)
})
