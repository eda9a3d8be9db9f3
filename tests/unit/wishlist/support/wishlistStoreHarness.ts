import { afterEach, beforeEach } from 'vitest'
import type { CursorPageDto, WishlistItemDto } from '~/services/dto'
import type { User } from '~/services/domain/user'
import { useAuthStore } from '~/stores/auth'
import { useWishlistStore } from '~/stores/wishlist/wishlist'
import type { FakeApi, FakeCall } from '../../../support/fakeApi'
import { cursorPage, seed } from '../../../support/fixtures'
import { installApiSession } from '../../../support/installedApi'
import { useFakeApi } from '../../../support/useFakeApi'

// The wishlist store against a fake transport whose calls the test answers (or leaves waiting).

export const ADA: User = { id: 7, email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', displayName: 'Ada Lovelace', memberSince: '2024-03-01T00:00:00Z' }
export const GRACE: User = { ...ADA, id: 8, email: 'grace@example.com', displayName: 'Grace Hopper' }

export function item(productId: number, id = productId + 1000): WishlistItemDto {
  return { id, product: seed.productDto(productId), created_at: '2026-11-20T10:00:00Z' }
}

export function page(productIds: number[], next: string | null = null): CursorPageDto<WishlistItemDto> {
  return cursorPage(productIds.map(id => item(id)), next, '/wishlist/')
}

export function signedIn(user: User = ADA) {
  useAuthStore().$patch({ user, status: 'signed_in' })
  return useWishlistStore()
}

export interface WishlistStoreHarness {
  readonly fake: { readonly current: FakeApi }
  /** The adds and removes the store sent, in order: "+12" for POST, "-12" for DELETE. */
  changes(): string[]
  /** The index-th call of a method, left waiting unless scripted. */
  held(method: 'POST' | 'DELETE' | 'GET', index?: number): FakeCall
}

/** For every test of the file: a fake transport and an api session. */
export function useWishlistStoreHarness(): WishlistStoreHarness {
  const fake = useFakeApi()
  beforeEach(() => installApiSession({ setAccessToken: () => {}, signOut: () => {} }))
  afterEach(() => installApiSession(null))
  return {
    fake,
    changes: () => fake.current.calls
      .filter(call => call.method !== 'GET')
      .map(call => (call.method === 'POST' ? `+${(call.body as { product_id: number }).product_id}` : `-${call.path.split('/')[2]}`)),
    held(method, index = 0) {
      const call = fake.current.calls.filter(c => c.method === method)[index]
      if (!call) throw new Error(`no ${method} #${index}`)
      return call
    },
  }
}
