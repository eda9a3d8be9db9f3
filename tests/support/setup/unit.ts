import { vi } from 'vitest'
import { installedApi, installedApiSession } from '../installedApi'

// Unit and integration projects: no Nuxt app, so the transport entry points return what a test installed
// (tests/support/useFakeApi.ts, installApi) and fail loudly otherwise.
vi.mock('~/composables/core/useApi', () => ({
  useApi: () => installedApi() ?? (() => {
    throw new Error('No ApiClient installed: call useFakeApi() or installApi() in this test file.')
  })(),
}))
vi.mock('~/composables/core/useApiSession', () => ({
  useApiSession: () => installedApiSession() ?? (() => {
    throw new Error('No ApiSession installed: call installApiSession() in this test file.')
  })(),
}))
// No browser here either (import.meta.client is unset): stores build their services directly, never through this.
vi.mock('~/stores/resources/browserService', () => ({
  browserService: () => {
    throw new Error('browserService is for the browser build; unit tests run the stores as the server does.')
  },
}))
// No server render here: the product service loads the browser's sanitizer itself.
vi.mock('~/composables/ssr/useRenderSanitizer', () => ({ useRenderSanitizer: () => undefined }))
