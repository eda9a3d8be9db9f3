import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACCOUNT_PATH, CHECKOUT_PATH, ORDERS_PATH, orderPath } from '~/utils/routes/paths'
import { backendViolations } from './support/backendInvariants'
import { discoverCatalog } from './support/catalog'
import { oddInputs, xssPayloads } from './support/corpus'
import { auditHtml, LEAKED_INTERNALS, visibleText } from './support/htmlAudit'
import { Shopper, type Answer } from './support/shoppers'
import { INPUT_PLACEMENTS, SHOPPER_INPUT_NAMES, type InputContext, type InputPlacement } from './support/shopperInputs'
import { startChaosStack, type ChaosStack } from './support/stack'
import { recordCounts } from './support/tally'

// Issue 19: hostile input from shoppers and crawlers. The XSS corpus and the odd-input corpus through every input the
// storefront reads (support/shopperInputs.ts): each answer is a sane page or a 4xx (never a 5xx, a stack trace or a
// hang), no page carries anything executable it did not put there itself (parse5 audit), redirects stay on the
// site, and nothing malformed reached the backend from the storefront's own code.

let stack: ChaosStack
let catalog: InputContext
let anonymous: Shopper
let signedIn: Shopper
const payloads = [...xssPayloads(), ...oddInputs()]
const counts = { 'xss payloads': xssPayloads().length, 'odd inputs': oddInputs().length, inputs: SHOPPER_INPUT_NAMES.length, 'payload x input placements': 0, requests: 0, '5xx': 0, 'audit findings': 0, 'unsafe redirects': 0, 'backend violations': 0, 'orders with a hostile address': 0, 'hostile addresses refused': 0 }

beforeAll(async () => {
  stack = await startChaosStack()
  const base = await discoverCatalog(stack.api.url)
  const page = await (await fetch(`${stack.api.url}/products/?page_size=24`)).json() as { next: string }
  anonymous = new Shopper(stack.web.url, 'anonymous')
  signedIn = new Shopper(stack.web.url, 'hostile')
  await signedIn.register('Hostile', 'Input')
  // A guest with a cart line (its quantity and id get the values) and a shopper with an order.
  const [line] = await anonymous.addToCart(base.plainProductId)
  catalog = { ...base, cursor: new URL(page.next).searchParams.get('cursor')!, cartLineId: line!.id, orderId: await signedIn.orderOne(base.plainProductId) }
})

afterAll(async () => {
  recordCounts('hostile-input', counts)
  await stack?.stop()
})

/** Runs `jobs` with at most `limit` at once (a crawler's burst, without swamping a shared machine). */
async function pool<T>(jobs: Array<() => Promise<T>>, limit = 4): Promise<T[]> {
  const results: T[] = []
  let next = 0
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < jobs.length) {
      const index = next++
      results[index] = await jobs[index]!()
    }
  }))
  return results
}

/** Every problem with one answer; empty when it is a sane page or a 4xx. */
function problemsOf(inputs: string, value: string, answer: Answer): string[] {
  const problems: string[] = []
  const what = `${inputs} = ${JSON.stringify(value).slice(0, 60)}`
  if (answer.status >= 500 || answer.status < 200) problems.push(`${what}: ${answer.status}`)
  if (answer.ms > 8_000) problems.push(`${what}: ${Math.round(answer.ms)} ms`)
  if (LEAKED_INTERNALS.test(answer.text)) problems.push(`${what}: internals in the answer`)
  if (answer.status >= 300 && answer.status < 400) {
    const location = answer.headers.get('location') ?? ''
    const onSite = location.startsWith(stack.web.url) || (location.startsWith('/') && !/^\/[/\\]/.test(location))
    if (!onSite) {
      counts['unsafe redirects'] += 1
      problems.push(`${what}: redirect to ${location}`)
    }
  }
  if ((answer.headers.get('content-type') ?? '').includes('text/html')) {
    const findings = auditHtml(answer.text)
    counts['audit findings'] += findings.length
    problems.push(...findings.map(finding => `${what}: ${finding}`))
  }
  return problems
}

async function send(placement: InputPlacement, value: string): Promise<string[]> {
  const request = placement.request(value, catalog)
  const inputs = placement.inputs.join(', ')
  const shopper = request.signedIn ? signedIn : anonymous
  const answer = await shopper.send(request.path, { method: request.method, body: request.body, headers: request.headers, accept: request.path.startsWith('/api/') ? 'application/json' : 'text/html' })
  counts.requests += 1
  counts['payload x input placements'] += placement.inputs.length
  if (answer.status >= 500) counts['5xx'] += 1
  const problems = problemsOf(inputs, value, answer)
  if (request.method === 'PATCH' && answer.status < 300) {
    // The shopper's own name, as they typed it, on the page that shows it (and in the header's account menu).
    const page = await signedIn.send(ACCOUNT_PATH)
    counts.requests += 1
    if (page.status >= 500) counts['5xx'] += 1
    problems.push(...problemsOf('profile page after renaming', value, page))
  }
  return problems
}

describe('hostile shopper input', () => {
  it.each(INPUT_PLACEMENTS.map(placement => [placement.inputs.join(', '), placement] as const))('%s: every payload gets a sane page or a 4xx, nothing executable, nothing malformed to the backend', async (_name, placement) => {
    stack.backend.clear()
    const problems = (await pool(payloads.map(value => () => send(placement, value)))).flat()
    expect(problems).toEqual([])
    // The /api proxy passes the browser's own calls on unchanged (the backend validates its API); what the server
    // renders and the BFF's own routes (sign-in, registration) send is ours to check.
    const path = placement.request('x', catalog).path
    if (!path.startsWith('/api/') || /^\/api\/auth\/(?:login|register)$/.test(path)) {
      const violations = backendViolations(stack.backend.requests)
      counts['backend violations'] += violations.length
      expect(violations).toEqual([])
    }
  })

  it('raw URLs as a crawler or a hand may send them (not encoded by anyone): a sane page or a 4xx, never a 5xx', async () => {
    // fetch keeps percent signs as they are, so these reach the server as written.
    const raw = [
      '/search?q=%E0%A4%A', '/search?q=%', '/search?q=%00%0d%0a', '/products?brand=%C0%AE%C0%AE&min_price=%ZZ', '/products?page_size=%F0%9F',
      '/categories/%ZZ', '/categories/%E0%A4%A', '/products/%00', '/products/1%0aX', '/products/..%2F..%2Fetc%2Fpasswd', '/orders/%E0%A4%A',
      '/orders/1%2F..%2F2', `/search?q=${'%41'.repeat(2_000)}`, `/products/${'9'.repeat(5_000)}`, '/checkout?step=%ZZ', '/auth/login?redirect=%2F%2Fevil.invalid',
    ]
    const problems: string[] = []
    for (const path of raw) {
      const answer = await (path.startsWith('/orders') || path.startsWith('/checkout') ? signedIn : anonymous).send(path)
      counts.requests += 1
      if (answer.status >= 500) counts['5xx'] += 1
      problems.push(...problemsOf('raw URL', path, answer))
    }
    expect(problems).toEqual([])
  })

  it('a malformed cursor never reaches the backend, and a well-formed unknown one is a 404', async () => {
    stack.backend.clear()
    expect((await anonymous.send('/products?cursor=%3Cscript%3E')).status).toBe(404)
    expect(stack.backend.requests.filter(r => r.url.includes('cursor='))).toEqual([])
    const unknown = await anonymous.send('/products?cursor=bm90LWEtY3Vyc29y')
    expect(unknown.status).toBe(404)
    expect(unknown.headers.get('x-cache')).toBe('UNCACHEABLE')
  })

  it('leaves the guest\'s cart, the wishlist and the orders readable, and no hostile value placed an order', async () => {
    const cart = await anonymous.json<{ items: unknown[] }>('/api/cart/')
    expect(cart.status).toBe(200)
    expect(cart.body.items.length).toBeGreaterThan(0)
    expect((await signedIn.json('/api/wishlist/')).status).toBe(200)
    const orders = await signedIn.json<{ results: Array<{ id: number }> }>('/api/orders/')
    expect(orders.body.results.map(order => order.id)).toEqual([catalog.orderId])
  })
})

describe('hostile delivery addresses', () => {
  it('are refused with a 400 or ordered, and then shown as text on the order page, the orders list and the checkout', async () => {
    const shopper = new Shopper(stack.web.url, 'addresses')
    await shopper.register('Address', 'Tester')
    const problems: string[] = []
    for (const payload of xssPayloads()) {
      // Each field at its length limit (DRF's max_length), so the payload reaches what the pages show.
      const address = { full_name: payload, line1: payload, line2: payload, city: payload.slice(0, 128), postal_code: payload.slice(0, 20), phone: payload.slice(0, 32) }
      await shopper.addToCart(catalog.plainProductId)
      const placed = await shopper.placeOrder(address)
      counts.requests += 3
      if (placed.status === 400) {
        // DRF trims and refuses blank fields: a payload of spaces is a refusal, not an order.
        counts['hostile addresses refused'] += 1
        continue
      }
      expect(placed.status, payload).toBe(201)
      counts['orders with a hostile address'] += 1
      const page = await shopper.send(orderPath(placed.body.id!))
      counts.requests += 1
      problems.push(...problemsOf('order page with a hostile address', payload, page))
      expect(page.status).toBe(200)
      expect(visibleText(page.text)).toContain(payload.trim().replace(/\s+/g, ' '))
    }
    for (const path of [ORDERS_PATH, CHECKOUT_PATH]) {
      const page = await shopper.send(path)
      counts.requests += 1
      expect(page.status, path).toBe(200)
      problems.push(...problemsOf(path, 'the newest hostile address', page))
    }
    expect(problems).toEqual([])
    expect(counts['orders with a hostile address']).toBeGreaterThanOrEqual(50)
  })
})
