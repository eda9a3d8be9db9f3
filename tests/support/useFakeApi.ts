import { afterEach, beforeEach } from 'vitest'
import { createFakeApi, type FakeApi, type FakeApiOptions } from './fakeApi'
import { installApi } from './installedApi'
import { freshStores } from './stores'

/**
 * For every test of the file: a new fake transport behind useApi(), and stores that start empty (they are created
 * again, so they take the new transport). Read the current test's fake through `.current`.
 */
export function useFakeApi(options: FakeApiOptions = {}): { readonly current: FakeApi } {
  let fake = createFakeApi(options)
  beforeEach(() => {
    fake = createFakeApi(options)
    installApi(fake.api)
    freshStores()
  })
  afterEach(() => {
    installApi(null)
  })
  return {
    get current() {
      return fake
    },
  }
}
