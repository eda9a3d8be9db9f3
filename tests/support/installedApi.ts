import type { ApiSession } from '~/composables/core/api/session'
import type { ApiClient } from '~/composables/core/api/types'

// What the test setup (tests/support/setup/) makes useApi() and useApiSession() answer with. Kept on globalThis,
// not in module state: a setup file and a test file can hold two instances of this module, and both must agree.
// One test file runs in one worker at a time, and useFakeApi sets it afresh before each test.

interface Installed {
  api: ApiClient | null
  session: Partial<ApiSession> | null
}

const KEY = Symbol.for('storefront.tests.installedApi')
const slot = globalThis as typeof globalThis & { [KEY]?: Installed }

function installed(): Installed {
  return (slot[KEY] ??= { api: null, session: null })
}

/** From now on useApi() answers with `client` (null: back to the app's own transport, where there is one). */
export function installApi(client: ApiClient | null): void {
  installed().api = client
}

/** From now on useApiSession() answers with `fake` (null: back to the app's own session). */
export function installApiSession(fake: Partial<ApiSession> | null): void {
  installed().session = fake
}

export function installedApi(): ApiClient | null {
  return installed().api
}

export function installedApiSession(): ApiSession | null {
  return installed().session as ApiSession | null
}
