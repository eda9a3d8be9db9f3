import { computed, type ComputedRef } from 'vue'
import { useAsyncData } from '#app'
import { toApiErrorData, type ApiErrorData } from '~/composables/core/api/ApiError'
import { useAuthStore } from '~/stores/auth'

export interface UseProfileReturn {
  /** Why the fresh profile could not be read (the page still shows the session's copy of the user). */
  failure: ComputedRef<ApiErrorData | null>
  /** Reads the profile again. */
  retry: () => Promise<void>
}

/**
 * Loads the profile afresh from the backend when the profile page renders (on the server with this request's
 * token; in the browser with a lazily refreshed one), so the page shows what the backend has now.
 * A failure leaves the session's user in place and is handled by the api core (expired -> signed out); it is kept
 * as data (it travels in the payload), so the page can say so and retry.
 */
export async function useProfile(): Promise<UseProfileReturn> {
  const store = useAuthStore()
  const { data, refresh } = await useAsyncData<ApiErrorData | null>('auth:profile', async () => {
    try {
      await store.reloadUser()
      return null
    }
    catch (error) {
      return toApiErrorData(error)
    }
  })
  return {
    failure: computed(() => data.value ?? null),
    retry: async () => {
      await refresh()
    },
  }
}
