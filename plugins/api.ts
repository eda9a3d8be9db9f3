import { defineNuxtPlugin, useRequestFetch } from '#app'
import type { $Fetch } from 'ofetch'
import { createApiClient } from '~/composables/core/api/createApiClient'

// One client per Nuxt app: in SSR that is one per request, so nothing is shared between shoppers.
export default defineNuxtPlugin({
  name: 'api',
  setup() {
    // On the server, useRequestFetch calls the Nitro /api routes in-process with the incoming request's headers.
    const fetch = (import.meta.server ? useRequestFetch() : $fetch) as $Fetch
    const api = createApiClient({ fetch, baseURL: '/api' })
    return { provide: { api } }
  },
})
