import { useNuxtApp } from '#app'
import type { ApiClient } from './api/types'

/** The app's one transport, created per Nuxt app (so per SSR request) by plugins/api.ts. */
export function useApi(): ApiClient {
  return useNuxtApp().$api
}
