import type { ApiSession } from '~/composables/core/api/session'
import type { ApiClient } from '~/composables/core/api/types'

// What the test setup (tests/support/setup/) makes useApi() and useApiSession() return. Module state on purpose:
// one test file runs in one worker at a time, and every test sets it afresh (useFakeApi does, before each test).
let api: ApiClient | null = null
let session: Partial<ApiSession> | null = null

/** From now on useApi() returns `client` (null: back to the app's own transport, where there is one). */
export function installApi(client: ApiClient | null): void {
  api = client
}

/** From now on useApiSession() returns `fake` (null: back to the app's own session). */
export function installApiSession(fake: Partial<ApiSession> | null): void {
  session = fake
}

export function installedApi(): ApiClient | null {
  return api
}

export function installedApiSession(): ApiSession | null {
  return session as ApiSession | null
}
