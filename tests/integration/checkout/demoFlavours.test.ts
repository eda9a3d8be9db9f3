import { describe, expect, it } from 'vitest'
import { DEMO_PROFILES, type DemoProfileName } from '~/tests/mocks/profile'
import { startDemoApi, type RunningDemoApi } from '~/tests/mocks/testing/startDemoApi'
import { ADDRESS } from './support/shopper'

// The demo backend's idempotency profiles answer POST /orders/ as those implementations do (the storefront's
// unit tests rely on these shapes), and PATCH /__products/{id}/ sets stock.

const BODY = (token = 'tok_visa') => ({ shipping_method_id: 1, payment_token: token, shipping_address: { full_name: ADDRESS.fullName, line1: ADDRESS.line1, city: ADDRESS.city, postal_code: ADDRESS.postalCode, country: ADDRESS.country } })

async function withDemo(profile: DemoProfileName, test: (demo: RunningDemoApi) => Promise<void>) {
  const demo = await startDemoApi({ seedProducts: 40, profile: DEMO_PROFILES[profile] })
  try {
    await test(demo)
  }
  finally {
    await demo.close()
  }
}

let n = 0
async function shopper(demo: RunningDemoApi) {
  const email = `flavour-${Date.now()}-${++n}@example.com`
  await fetch(`${demo.url}/auth/register/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'a-long-password-1', first_name: 'A', last_name: 'B' }) })
  const token = async () => ((await (await fetch(`${demo.url}/auth/token/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'a-long-password-1' }) })).json()) as { access: string }).access
  const access = await token()
  const product = demo.backend.db.products.find(p => !p.variants && p.stock >= 10)!
  await fetch(`${demo.url}/cart/items/`, { method: 'POST', headers: { 'content-type': 'application/json', 'authorization': `Bearer ${access}` }, body: JSON.stringify({ product_id: product.id, quantity: 1 }) })
  const order = async (key: string, body = BODY(), bearer = access) => {
    const response = await fetch(`${demo.url}/orders/`, { method: 'POST', headers: { 'content-type': 'application/json', 'authorization': `Bearer ${bearer}`, 'idempotency-key': key }, body: JSON.stringify(body) })
    return { status: response.status, replayed: response.headers.get('idempotent-replayed'), body: await response.json() as Record<string, unknown> }
  }
  return { order, token, product, userId: demo.backend.db.userIdByEmail.get(email)! }
}

describe('demo idempotency profiles', () => {
  it('standard: replays with 201 and Idempotent-Replayed; another body is 409 without lines', () => withDemo('standard', async (demo) => {
    const { order } = await shopper(demo)
    const first = await order('k1')
    expect([first.status, first.replayed]).toEqual([201, null])
    const again = await order('k1')
    expect([again.status, again.replayed, again.body.id]).toEqual([201, 'true', first.body.id])
    const other = await order('k1', BODY('tok_amex'))
    expect(other.status).toBe(409)
    expect(other.body).not.toHaveProperty('lines')
  }))

  it('django-idempotency-key: a replay is 409 with the original body; the same key with a refreshed token is a new request', () => withDemo('idempotency-django', async (demo) => {
    const { order, token } = await shopper(demo)
    const first = await order('k1')
    expect(first.status).toBe(201)
    const again = await order('k1')
    expect([again.status, again.body]).toEqual([409, first.body])
    // A new access token: its key covers Authorization, so this runs again (and meets the emptied cart).
    const refreshed = await order('k1', BODY(), await token())
    expect([refreshed.status, refreshed.body.detail]).toEqual([400, 'Your cart is empty.'])
    expect(demo.backend.db.idempotentAnswers.size).toBe(1)
  }))

  it('stripe: keeps declines and replays them with Idempotent-Replayed; 409 while one is in flight; 400 for other parameters', () => withDemo('idempotency-stripe', async (demo) => {
    const { order, product } = await shopper(demo)
    const [first, during] = await Promise.all([order('k1', BODY('tok_chargeDeclined')), order('k1', BODY('tok_chargeDeclined'))])
    expect([first.status, during.status]).toEqual([402, 409])
    const replayed = await order('k1', BODY('tok_chargeDeclined'))
    expect([replayed.status, replayed.replayed]).toEqual([402, 'true'])
    expect((await order('k1', BODY('tok_visa'))).status).toBe(400)
    expect(demo.backend.db.product(product.id)!.stock).toBe(product.stock)
  }))

  it('ietf-draft: 409 while the first is in flight, 422 for another body, the first answer replayed', () => withDemo('idempotency-ietf', async (demo) => {
    const { order } = await shopper(demo)
    const [first, during] = await Promise.all([order('k1'), order('k1')])
    expect([first.status, during.status]).toEqual([201, 409])
    expect(during.body).not.toHaveProperty('lines')
    const again = await order('k1')
    expect([again.status, again.body.id]).toEqual([201, first.body.id])
    expect((await order('k1', BODY('tok_amex'))).status).toBe(422)
  }))
})

describe('PATCH /__products/{id}/', () => {
  it('sets a product\'s stock, so a cart line can sell out before the order', () => withDemo('standard', async (demo) => {
    const { order, product } = await shopper(demo)
    const set = await fetch(`${demo.url}/__products/${product.id}/`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ stock: 0 }) })
    expect(await set.json()).toEqual({ id: product.id, stock: 0, variants: null })
    const refused = await order('k1')
    expect(refused.status).toBe(409)
    expect(refused.body.lines).toEqual([expect.objectContaining({ product_id: product.id, requested: 1, available: 0 })])
  }))

  it('names the variant for a product with variants, and refuses bad values', () => withDemo('standard', async (demo) => {
    const product = demo.backend.db.products.find(p => p.variants && p.variants.length > 1)!
    const variant = product.variants![1]!
    const patch = (body: unknown) => fetch(`${demo.url}/__products/${product.id}/`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    expect((await patch({ stock: 1 })).status).toBe(400)
    expect((await patch({ stock: -1, variant_id: variant.id })).status).toBe(400)
    const set = await (await patch({ stock: 3, variant_id: variant.id })).json() as { stock: number, variants: Array<{ id: number, stock: number }> }
    expect(set.variants.find(v => v.id === variant.id)!.stock).toBe(3)
    expect(set.stock).toBe(set.variants.reduce((sum, v) => sum + v.stock, 0))
    expect((await fetch(`${demo.url}/__products/999999/`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"stock":1}' })).status).toBe(404)
  }))
})
