import type { OutboxMessageDto } from '../../../services/dto'
import { DEMO_USER_EMAIL, DEMO_USER_FIRST_NAME, DEMO_USER_LAST_NAME, DEMO_USER_PASSWORD, SEED_EPOCH_MS } from '../seed/constants'
import { makeProduct, seedProducts, seedTaxonomy } from '../seed/seedCatalog'
import type { CatalogSeed } from '../seed/seedCatalog'
import { STANDARD_PROFILE } from '../profile'
import type { DemoProfile } from '../profile'
import { OrderingIndex } from './orderings'
import type { ContentOverrides } from './contentOverrides'
import type {
  BrandRecord, CartRecord, CategoryRecord, OrderRecord, ProductRecord, ShippingMethodRecord, StoredAnswer, UserRecord, WishlistEntry,
} from './types'

export interface DemoDbOptions {
  seed: number
  seedProducts: number
  now: () => number
  /** How this backend differs from the standard demo (pagination, error bodies, decimals, carts, media). */
  profile?: Readonly<DemoProfile>
}

export const SHIPPING_METHODS: readonly ShippingMethodRecord[] = [
  { id: 1, name: 'Standard', description: 'Tracked delivery in 3-5 business days.', priceCents: 499, minDays: 3, maxDays: 5 },
  { id: 2, name: 'Express', description: 'Next business day when ordered before 2 pm.', priceCents: 1499, minDays: 1, maxDays: 1 },
  { id: 3, name: 'Store pickup', description: 'Collect from a partner store in 2 days.', priceCents: 0, minDays: 2, maxDays: 2 },
]

/** Everything the demo backend knows. `reset()` puts it back to the deterministic seed. */
export class DemoDb {
  readonly options: DemoDbOptions
  readonly profile: Readonly<DemoProfile>
  taxonomy!: CatalogSeed
  categoryBySlug!: Map<string, CategoryRecord>
  brandBySlug!: Map<string, BrandRecord>
  /** products[id - 1]; ids are dense and never reused. */
  products!: ProductRecord[]
  /** Ids of products deleted over `DELETE /__products/{id}/`: their records stay (ids are dense), unseen by every read. */
  deleted!: Set<number>
  index!: OrderingIndex
  users!: Map<number, UserRecord>
  userIdByEmail!: Map<string, number>
  /** jti of refresh tokens that were rotated or logged out. */
  blacklist!: Set<string>
  /** SimpleJWT's OutstandingToken: every refresh token's jti per user, so a password reset can blacklist them all. */
  outstanding!: Map<number, Set<string>>
  /** Emails sent (password reset links), oldest first: what Django's locmem email backend keeps in mail.outbox. */
  outbox!: OutboxMessageDto[]
  carts!: Map<string, CartRecord>
  cartTokenByUser!: Map<number, string>
  wishlists!: Map<number, WishlistEntry[]>
  orders!: OrderRecord[]
  /** `${userId} ${key}` -> request fingerprint and the order it created. */
  idempotency!: Map<string, { fingerprint: string, orderId: number }>
  /** Test-only content put in over `POST /__content/` (contentOverrides.ts). */
  content!: ContentOverrides
  /** Other idempotency flavours (handlers/orderIdempotency.ts): answers kept per slot, requests running per slot. */
  idempotentAnswers!: Map<string, StoredAnswer>
  ordersInFlight!: Map<string, Promise<void>>
  private sequences!: Record<'user' | 'cartLine' | 'order' | 'wishlist', number>

  constructor(options: DemoDbOptions) {
    this.options = options
    this.profile = options.profile ?? STANDARD_PROFILE
    this.reset()
  }

  get categories(): CategoryRecord[] {
    return this.taxonomy.categories
  }

  get brands(): BrandRecord[] {
    return this.taxonomy.brands
  }

  now(): number {
    return this.options.now()
  }

  reset(): void {
    this.taxonomy = seedTaxonomy()
    this.categoryBySlug = new Map(this.taxonomy.categories.map(c => [c.slug, c]))
    this.brandBySlug = new Map(this.taxonomy.brands.map(b => [b.slug, b]))
    this.products = seedProducts(this.options.seed, this.options.seedProducts, this.taxonomy)
    this.index = new OrderingIndex(this.products)
    this.deleted = new Set()
    this.users = new Map()
    this.userIdByEmail = new Map()
    this.blacklist = new Set()
    this.outstanding = new Map()
    this.outbox = []
    this.carts = new Map()
    this.cartTokenByUser = new Map()
    this.wishlists = new Map()
    this.orders = []
    this.idempotency = new Map()
    this.content = new Map()
    this.idempotentAnswers = new Map()
    this.ordersInFlight = new Map()
    this.sequences = { user: 0, cartLine: 0, order: 0, wishlist: 0 }
    this.addUser({ email: DEMO_USER_EMAIL, password: DEMO_USER_PASSWORD, firstName: DEMO_USER_FIRST_NAME, lastName: DEMO_USER_LAST_NAME }, SEED_EPOCH_MS)
  }

  nextId(kind: keyof DemoDb['sequences']): number {
    this.sequences[kind] += 1
    return this.sequences[kind]
  }

  product(id: number): ProductRecord | undefined {
    return Number.isSafeInteger(id) && id > 0 && !this.deleted.has(id) ? this.products[id - 1] : undefined
  }

  /** The products every read sees: those not deleted. */
  liveProducts(): ProductRecord[] {
    return this.deleted.size === 0 ? this.products : this.products.filter(p => !this.deleted.has(p.id))
  }

  /**
   * Deletes a product as Django does with the shop's foreign keys (tests/drf-real/catalog/models.py): refused while
   * an order line names it (`on_delete=PROTECT`), else its cart lines and wishlist entries go with it (`CASCADE`),
   * leaving no trace in the carts' and wishlists' answers. False when an order protects it.
   */
  deleteProduct(product: ProductRecord): boolean {
    if (this.orders.some(order => order.lines.some(line => line.productId === product.id))) return false
    this.deleted.add(product.id)
    this.index.remove(product.id)
    for (const cart of this.carts.values()) cart.lines = cart.lines.filter(line => line.productId !== product.id)
    for (const [userId, list] of this.wishlists) this.wishlists.set(userId, list.filter(entry => entry.productId !== product.id))
    return true
  }

  category(id: number): CategoryRecord {
    return this.taxonomy.categories[id - 1] as CategoryRecord
  }

  brand(id: number): BrandRecord {
    return this.taxonomy.brands[id - 1] as BrandRecord
  }

  /** The category and all its descendants (the tree is two levels deep). */
  categoryWithDescendants(category: CategoryRecord): Set<number> {
    const ids = new Set([category.id])
    for (const c of this.taxonomy.categories) if (c.parentId === category.id) ids.add(c.id)
    return ids
  }

  addUser(input: { email: string, password: string, firstName: string, lastName: string }, dateJoined = this.now()): UserRecord {
    const user: UserRecord = { id: this.nextId('user'), email: input.email, password: input.password, firstName: input.firstName, lastName: input.lastName, dateJoined }
    this.users.set(user.id, user)
    this.userIdByEmail.set(user.email.toLowerCase(), user.id)
    return user
  }

  userByEmail(email: string): UserRecord | undefined {
    const id = this.userIdByEmail.get(email.toLowerCase())
    return id === undefined ? undefined : this.users.get(id)
  }

  /** Adds newly created products (newest of all), keeping every ordering index sorted. */
  addProducts(count: number): ProductRecord[] {
    const added: ProductRecord[] = []
    const newest = this.index.sorted['-created_at'][0]?.createdAt ?? SEED_EPOCH_MS
    const createdAt = Math.max(this.now(), newest + 1000)
    for (let i = 0; i < count; i++) {
      const id = this.products.length + 1
      const product = makeProduct(this.options.seed, id, id, this.taxonomy, createdAt + i * 1000)
      this.products.push(product)
      this.index.insert(product)
      added.push(product)
    }
    return added
  }
}
