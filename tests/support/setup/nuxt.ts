import { vi } from 'vitest'
import { installedApi, installedApiSession } from '../installedApi'

// Nuxt project: the app's own transport (plugins/api.ts, answered by registerEndpoint) unless a test installed a
// fake one (tests/support/useFakeApi.ts).
vi.mock('~/composables/core/useApi', async (importOriginal) => {
  const real = await importOriginal<typeof import('~/composables/core/useApi')>()
  return { useApi: () => installedApi() ?? real.useApi() }
})
vi.mock('~/composables/core/useApiSession', async (importOriginal) => {
  const real = await importOriginal<typeof import('~/composables/core/useApiSession')>()
  return { useApiSession: () => installedApiSession() ?? real.useApiSession() }
})
