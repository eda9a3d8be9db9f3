import { beforeAll } from 'vitest'
import type { ApiSession } from '~/composables/core/api/session'
import type { ApiClient } from '~/composables/core/api/types'
import { useNuxtApp } from '#imports'
import { installedApi, installedApiSession } from '../installedApi'

// Nuxt project. The test Nuxt app is created before this file runs (its plugins already hold the app's transport
// and session), so module mocks come too late: instead the app's own ApiClient and ApiSession send every call to
// whatever a test installed (tests/support/useFakeApi.ts, installApi), and to themselves otherwise
// (registerEndpoint answers those).

const delegated = new WeakSet<object>()

function delegate<T extends object>(target: T, installed: () => Partial<T> | null): void {
  if (delegated.has(target)) return
  delegated.add(target)
  for (const name of Object.keys(target) as Array<keyof T>) {
    const own = target[name]
    if (typeof own !== 'function') continue
    target[name] = ((...args: unknown[]) => {
      const replacement = installed()?.[name]
      return (typeof replacement === 'function' ? replacement : own).apply(target, args)
    }) as T[keyof T]
  }
}

beforeAll(() => {
  const nuxtApp = useNuxtApp()
  delegate(nuxtApp.$api as ApiClient, installedApi)
  delegate(nuxtApp.$apiSession as ApiSession, installedApiSession)
})
