// Choices a real Django REST Framework backend may make differently from the standard demo. The storefront and the
// contract suite must work with every one of them; `npm test` runs the contract suite against both presets.

export interface DemoProfile {
  /**
   * 'keyset': a cursor is a (sort key, id) position, so `previous` gives back exactly the page you came from.
   * 'drf': DRF 3.14's CursorPagination - the position of the first ordering field plus an offset within a run of
   * equal values (capped at 1000). Walking `next` is complete; `previous` lands elsewhere inside long runs of ties.
   */
  pagination: 'keyset' | 'drf'
  /**
   * false: DRF's stock error bodies, `{"detail": "..."}` without a code on 400 parse/401/403/404/405/429/500.
   * true: those bodies also carry DRF's default_code, as projects with a custom EXCEPTION_HANDLER send.
   */
  errorCodes: boolean
  /** 'number': `rating` as a JSON number (4.2); 'string': as a DRF DecimalField serializes it ("4.20"). */
  decimals: 'number' | 'string'
  /** 'lazy': GET /cart/ stores nothing until the first write; 'create': it stores the empty guest cart (get_or_create). */
  guestCartOnRead: 'lazy' | 'create'
  /**
   * Absolute base of image URLs, like Django's MEDIA_URL on another host or a CDN (e.g. "https://cdn.example.com/media").
   * null: the API's own `/media/`, on the host the client called.
   */
  mediaBase: string | null
}

export const STANDARD_PROFILE: Readonly<DemoProfile> = Object.freeze({
  pagination: 'keyset',
  errorCodes: false,
  decimals: 'number',
  guestCartOnRead: 'lazy',
  mediaBase: null,
})

/** Every alternative at once: DRF's CursorPagination, coded errors, decimal strings, guest carts created on read. */
export const DRF_VARIANTS_PROFILE: Readonly<DemoProfile> = Object.freeze({
  pagination: 'drf',
  errorCodes: true,
  decimals: 'string',
  guestCartOnRead: 'create',
  mediaBase: null,
})

export const DEMO_PROFILES = { 'standard': STANDARD_PROFILE, 'drf-variants': DRF_VARIANTS_PROFILE } as const
export type DemoProfileName = keyof typeof DEMO_PROFILES

/** A named preset ("standard" when empty), or a clear error naming the valid ones. */
export function profileNamed(name: string | undefined): Readonly<DemoProfile> {
  if (!name) return STANDARD_PROFILE
  if (name in DEMO_PROFILES) return DEMO_PROFILES[name as DemoProfileName]
  throw new Error(`Unknown demo profile "${name}"; use one of: ${Object.keys(DEMO_PROFILES).join(', ')}`)
}
