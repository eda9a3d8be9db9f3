import { computed, type ComputedRef } from 'vue'
import type { User } from '~/services/domain/user'
import { useAuthStore } from '~/stores/auth'

/**
 * Who is signed in, and nothing else: for the header, on every page's first view. useAuth (sign-in, sign-out,
 * profile changes and their messages) is for the pages and menus that act, and loads with them.
 */
export function useCurrentUser(): ComputedRef<User | null> {
  const store = useAuthStore()
  return computed(() => store.user)
}
