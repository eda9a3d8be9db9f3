import { describe, expect, it } from 'vitest'
import { DemoDb } from '../../mocks/db/DemoDb'
import { PRODUCT_ORDERINGS } from '../../mocks/db/orderings'
import { DEMO_USER_EMAIL, DEMO_USER_PASSWORD } from '../../mocks/seed/constants'

const createDb = (seedProducts: number, seed = 7) => new DemoDb({ seed, seedProducts, now: () => Date.UTC(2026, 0, 1) })

describe('demo seed', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = createDb(200).products.slice(0, 50)
    const b = createDb(200).products.slice(0, 50)
    const c = createDb(200, 8).products.slice(0, 50)
    expect(b).toEqual(a)
    expect(c.map(p => p.title)).not.toEqual(a.map(p => p.title))
  })

  it('seeds 10,000 products with every ordering index built', () => {
    const db = createDb(10_000)
    expect(db.products).toHaveLength(10_000)
    for (const ordering of PRODUCT_ORDERINGS) expect(db.index.sorted[ordering]).toHaveLength(10_000)
  })

  it('has a two-level tree of 40 categories and 60 brands', () => {
    const db = createDb(10)
    expect(db.categories).toHaveLength(40)
    const top = db.categories.filter(c => c.parentId === null)
    expect(top).toHaveLength(8)
    expect(db.categories.every(c => c.parentId === null || top.some(t => t.id === c.parentId))).toBe(true)
    expect(db.brands).toHaveLength(60)
    expect(new Set(db.brands.map(b => b.slug)).size).toBe(60)
  })

  it('has believable variety: sold-out items, sales, variants, unrated items, only leaf categories', () => {
    const { products, categories } = createDb(2000)
    const leafIds = new Set(categories.filter(c => c.parentId !== null).map(c => c.id))
    expect(products.filter(p => p.stock === 0).length).toBeGreaterThan(50)
    expect(products.filter(p => p.compareAtCents !== null && p.compareAtCents > p.priceCents).length).toBeGreaterThan(200)
    expect(products.filter(p => p.variants && p.variants.length > 1).length).toBeGreaterThan(200)
    expect(products.filter(p => p.reviewsCount === 0).length).toBeGreaterThan(20)
    expect(products.every(p => leafIds.has(p.categoryId))).toBe(true)
    expect(products.every(p => p.variants === null || p.stock === p.variants.reduce((s, v) => s + v.stock, 0))).toBe(true)
  })

  it('seeds the documented demo user', () => {
    const user = createDb(1).userByEmail(DEMO_USER_EMAIL)
    expect(user?.password).toBe(DEMO_USER_PASSWORD)
  })

  it('added products are the newest and keep every ordering sorted', () => {
    const db = createDb(500)
    const [added] = db.addProducts(1)
    expect(db.index.sorted['-created_at'][0]).toBe(added)
    for (const ordering of PRODUCT_ORDERINGS) expect(db.index.sorted[ordering]).toContain(added)
    const prices = db.index.sorted.price.map(p => p.priceCents)
    expect([...prices].sort((x, y) => x - y)).toEqual(prices)
  })
})
