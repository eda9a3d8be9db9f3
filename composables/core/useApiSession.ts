import { useNuxtApp } from '#app'
import type { ApiSession } from './api/session'

/** The access-token holder of this Nuxt app (per SSR request); the auth feature signs in and out through it. */
export function useApiSession(): ApiSession {
  return useNuxtApp().$apiSession
}
