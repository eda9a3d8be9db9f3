import { computed, type ComputedRef } from 'vue'
import { storeToRefs } from 'pinia'
import { useAuthStore } from '~/stores/auth'
import type { Credentials, ProfileChanges, Registration, User } from '~/services/domain/user'
import { useNotify } from '~/composables/ui/useNotify'

export interface UseAuthReturn {
  /** The signed-in shopper, or null. Right on the first server-rendered HTML. */
  user: ComputedRef<User | null>
  /** Whether someone is signed in. */
  isSignedIn: ComputedRef<boolean>
  /** Signs in; rejects with the ApiError (wrong password, throttled, field errors) for the form to show. */
  signIn: (credentials: Credentials) => Promise<User>
  /** Creates the account and signs in; rejects with the ApiError (field errors) for the form to show. */
  register: (input: Registration) => Promise<User>
  /** Signs out this browser. */
  signOut: () => Promise<void>
  /** Signs out every browser and device this shopper uses the shop on. */
  signOutEverywhere: () => Promise<void>
  /** Saves a new name; rejects with the ApiError for the form. */
  updateProfile: (changes: ProfileChanges) => Promise<User>
}

/** The account as components see it: state from the auth store, plus the toasts that go with each change. */
export function useAuth(): UseAuthReturn {
  const store = useAuthStore()
  const { user } = storeToRefs(store)
  const notify = useNotify()

  return {
    user: computed(() => user.value),
    isSignedIn: computed(() => user.value !== null),
    async signIn(credentials) {
      const signedIn = await store.signIn(credentials)
      notify.success(`Signed in as ${signedIn.displayName}.`)
      return signedIn
    },
    async register(input) {
      const created = await store.register(input)
      notify.success(`Welcome, ${created.displayName}! Your account is ready.`)
      return created
    },
    async signOut() {
      await store.signOut()
      notify.info('You are signed out.')
    },
    async signOutEverywhere() {
      await store.signOutEverywhere()
      notify.info('You are signed out on all devices.')
    },
    async updateProfile(changes) {
      const updated = await store.updateProfile(changes)
      notify.success('Your name is saved.')
      return updated
    },
  }
}
