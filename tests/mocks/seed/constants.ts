// Facts about the seeded demo data that docs, e2e tests and the README rely on.

export const DEMO_USER_EMAIL = 'demo@example.com'
export const DEMO_USER_PASSWORD = 'demo-password-1'
export const DEMO_USER_FIRST_NAME = 'Demo'
export const DEMO_USER_LAST_NAME = 'Shopper'

export const DEFAULT_SEED = 20240601
export const DEFAULT_SEED_PRODUCTS = 10_000
export const MAX_SEED_PRODUCTS = 100_000
export const DEFAULT_ACCESS_TTL_S = 300
export const REFRESH_TTL_S = 24 * 60 * 60

export const CURRENCY = 'USD'
export const DEFAULT_PAGE_SIZE = 24
export const MAX_PAGE_SIZE = 100

/** Every generated product image has this size; the DTO carries it so the storefront can reserve space. */
export const IMAGE_WIDTH = 800
export const IMAGE_HEIGHT = 800

/** Payment tokens the demo understands, Stripe-style. */
export const PAYMENT_TOKENS_OK = ['tok_visa', 'tok_mastercard', 'tok_amex'] as const
export const PAYMENT_TOKEN_DECLINED = 'tok_chargeDeclined'

/** Catalog timestamps are spread back from this instant, so the seed does not depend on today. */
export const SEED_EPOCH_MS = Date.UTC(2025, 0, 1)
