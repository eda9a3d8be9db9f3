import { expect, test, type BrowserContext, type Page } from '../support/test'
import { DEMO_USER_EMAIL, DEMO_USER_FIRST_NAME, DEMO_USER_LAST_NAME, DEMO_USER_PASSWORD } from '../../mocks/seed/constants'
import { waitForHydration } from '../support/hydration'
import type { IngestedTransaction } from './fakeIngest'
import { addFault, eventWhere, exceptionValue, resetFaults, sdkLoaded, startMonitoredStack, type MonitoredStack } from './support'

// Issue 18: across every envelope a shopper's journeys produce, nothing personal and no credential. The journeys
// expose secrets on purpose (search, sign-in, profile, cart); reports are then provoked while they are in play, and
// the raw envelopes are searched, as the browser sent them to the tunnel and as the ingest received them.
// Tracing is on (sample rate 1), as an operator may set it: transactions and their spans are scanned with the errors.

/** Values that must never appear in an envelope, named for the failure message. */
type Exposed = Map<string, string>

interface JourneySession {
  page: Page
  context: BrowserContext
  url: string
  exposed: Exposed
  /** A request through the app's own api core in the page (its hooks, tokens and retries), as a service would make it. */
  api: <T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown, headers?: Record<string, string>) => Promise<T>
}

interface LeakJourney {
  name: string
  run: (session: JourneySession) => Promise<void>
}

/** Waits (polling) until the ingest has a transaction that matches. */
async function transactionWhere(description: string, match: (transaction: IngestedTransaction) => boolean): Promise<void> {
  await expect.poll(() => stack.ingest.transactions().some(match), { message: `a transaction: ${description}`, timeout: 15_000 }).toBe(true)
}

const hasData = (data: Record<string, unknown> | undefined, key: string): boolean => data !== undefined && key in data

// With tracing on, a search is in every trace it passes through: the server's GET /search (its query, the backend
// calls' queries) and the browser's page load and navigation (vue-router tracing copies the query into query.*).
const search: LeakJourney = {
  name: 'search by URL (a server render) and through the header\'s search box (a client-side navigation)',
  async run({ page, url, exposed }) {
    exposed.set('search term typed in the URL', 'zephyrine')
    exposed.set('search term typed in the box', 'quillfeather')
    const loaded = sdkLoaded(page)
    await page.goto(`${url}/search?q=${encodeURIComponent(`${DEMO_USER_EMAIL} zephyrine`)}`)
    await waitForHydration(page)
    await loaded
    // Tracing is its own chunk, loaded after the SDK: once the page load's trace has arrived, tracing is on in the
    // page and the search below is a navigation it traces (typed sooner, on a busy machine, it went untraced).
    await transactionWhere('the browser\'s trace of the first search\'s page load', t => t.contexts?.trace?.op === 'pageload')
    const box = page.getByRole('banner').getByRole('combobox', { name: 'Search products' })
    await box.fill('quillfeather 221b')
    await box.press('Enter')
    await page.waitForURL(/[?&]q=quillfeather/)
    // Not a vacuous scan: the traces that carried both searches arrived, and are scanned below with everything else.
    await transactionWhere('the server render of /search with its query and backend calls', t => t.transaction === 'GET /search'
      && hasData(t.contexts?.trace?.data, 'http.query') && (t.spans ?? []).some(span => hasData(span.data, 'url.query')))
    await transactionWhere('the browser\'s trace of the second search', t => t.contexts?.trace?.op === 'navigation' && hasData(t.contexts?.trace?.data, 'query.q'))
  },
}

// The journeys run in one page load, after the SDK has loaded, so every breadcrumb they leave ends up in the
// events provoked afterwards (a full page load would start the breadcrumb trail again).
const signIn: LeakJourney = {
  name: 'sign in through the form',
  async run({ page, context, exposed }) {
    // From the page the shopper is on, through the header: a client-side navigation keeps the breadcrumb trail.
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click()
    await page.getByLabel('Email').fill(DEMO_USER_EMAIL)
    await page.getByLabel('Password', { exact: true }).fill(DEMO_USER_PASSWORD)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await expect(accountButton(page)).toBeVisible()
    const refresh = (await context.cookies()).find(cookie => cookie.name === 'sf_refresh')?.value
    expect(refresh).toBeTruthy()
    exposed.set('refresh token', refresh!)
  },
}

const openProfile: LeakJourney = {
  name: 'open the account menu and the profile',
  async run({ page }) {
    // The menu button is named for the shopper; the profile shows their email.
    await accountButton(page).click()
    await page.getByRole('banner').getByRole('link', { name: 'Your account' }).click()
    await expect(page.getByText(DEMO_USER_EMAIL).first()).toBeVisible()
  },
}

const fillCart: LeakJourney = {
  name: 'fill a guest cart through the app\'s api client',
  async run({ page, context, url, exposed, api }) {
    const loaded = sdkLoaded(page)
    await page.goto(`${url}/`)
    await waitForHydration(page)
    await loaded
    const products = await api<{ results: Array<{ id: number, in_stock: boolean }> }>('GET', '/products/?page_size=20')
    const product = products.results.find(candidate => candidate.in_stock)
    expect(product).toBeTruthy()
    // A cookie-authenticated cart change carries the BFF's CSRF header, as cartService sends it.
    await api('POST', '/cart/items/', { product_id: product!.id, quantity: 1 }, { 'x-requested-with': 'storefront' })
    await api('GET', '/cart/')
    // The token never reaches a script; the browser holds it in the BFF's httpOnly cookie, where the test can read it.
    for (const cookie of await context.cookies()) {
      if (cookie.name.startsWith('sf_cart') && cookie.value.length > 8) exposed.set(`cart cookie ${cookie.name}`, cookie.value)
    }
  },
}

function accountButton(page: Page) {
  return page.getByRole('banner').getByRole('button', { name: `Account: ${DEMO_USER_FIRST_NAME} ${DEMO_USER_LAST_NAME}` })
}

const LEAK_ADDRESS = { fullName: 'Ada Leakproof', line1: '221 Privacy Street', city: 'Scrubsville', postalCode: 'SC7 9UB', phone: '+44 20 7946 0958' }

const placeAnOrder: LeakJourney = {
  name: 'check out (address, phone, tok_visa) with the order\'s answer lost on the way: the order is found and reported',
  async run({ page, exposed }) {
    exposed.set('recipient name', LEAK_ADDRESS.fullName)
    exposed.set('street', LEAK_ADDRESS.line1)
    exposed.set('postal code', LEAK_ADDRESS.postalCode)
    exposed.set('phone', LEAK_ADDRESS.phone)
    // From the mini-cart, as a shopper goes: a client-side navigation, so the page load (and its trail) goes on.
    await page.getByRole('banner').getByRole('button', { name: 'Cart' }).click()
    await page.getByRole('dialog', { name: /^Your cart/ }).getByRole('link', { name: 'Checkout' }).click()
    await page.getByLabel('Full name').fill(LEAK_ADDRESS.fullName)
    await page.getByLabel('Street address').fill(LEAK_ADDRESS.line1)
    await page.getByLabel('Town or city').fill(LEAK_ADDRESS.city)
    await page.getByLabel('Postal code').fill(LEAK_ADDRESS.postalCode)
    await page.getByLabel('Country').selectOption('GB')
    await page.getByLabel('Phone').fill(LEAK_ADDRESS.phone)
    await page.getByRole('button', { name: 'Continue to shipping' }).click()
    await page.getByRole('button', { name: 'Continue to payment' }).click()
    await page.getByRole('radio', { name: /^Visa/ }).check()
    await page.getByRole('button', { name: 'Continue to review' }).click()
    // The order is made, its answer never arrives: the checkout finds it and reports checkout.recovered.
    await page.route('**/api/orders/', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback()
      exposed.set('idempotency key', route.request().headers()['idempotency-key'] ?? 'missing')
      await route.fetch()
      await route.abort('timedout')
    })
    await page.getByRole('button', { name: 'Place order' }).click()
    await page.waitForURL(/\/orders\/\d+$/)
    await page.unroute('**/api/orders/')
  },
}

// The cart is filled as a guest first: only a guest cart has a token (sign-in then merges it into the user's cart,
// which the order then buys). The search comes before it: the cart journey's page load starts the breadcrumb trail.
const journeys: LeakJourney[] = [search, fillCart, signIn, openProfile, placeAnOrder]

let stack: MonitoredStack

test.beforeAll(async () => {
  stack = await startMonitoredStack({ tracesSampleRate: 1 })
})

test.afterAll(async () => {
  await stack?.stop()
  await resetFaults()
})

test('no JWT, refresh or cart token, email, name or address in any envelope after the shopper journeys', async ({ browser }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  const url = stack.storefront.url
  const exposed: Exposed = new Map([['email', DEMO_USER_EMAIL], ['password', DEMO_USER_PASSWORD], ['name', `${DEMO_USER_FIRST_NAME} ${DEMO_USER_LAST_NAME}`], ['last name', DEMO_USER_LAST_NAME]])
  const tunnelBodies: string[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/_monitoring') tunnelBodies.push(request.postData() ?? '')
  })
  // Every access token the BFF hands out (sign-in, refresh, session restore).
  page.on('response', async (response) => {
    if (!new URL(response.url()).pathname.startsWith('/api/auth/')) return
    const body = await response.json().catch(() => null) as { access?: unknown } | null
    if (typeof body?.access === 'string') exposed.set(`access token ${exposed.size}`, body.access)
  })
  const api: JourneySession['api'] = (method, path, body, headers) => page.evaluate(
    ({ method, path, body, headers }) => {
      const root = document.querySelector('#__nuxt') as unknown as { __vue_app__: { $nuxt: { $api: { request: (path: string, options: object) => Promise<never> } } } }
      return root.__vue_app__.$nuxt.$api.request(path, { method, body, headers })
    },
    { method, path, body, headers },
  )

  for (const journey of journeys) {
    await test.step(journey.name, () => journey.run({ page, context, url, exposed, api }))
  }
  expect([...exposed.keys()].filter(name => name.startsWith('access token')).length).toBeGreaterThan(0)

  await test.step('the checkout reported the recovered order, tagged with its step and nothing else about it', async () => {
    const report = await eventWhere(stack.ingest, 'the checkout report', e => exceptionValue(e) === 'checkout.recovered')
    expect(report.tags?.['checkout.step']).toBe('review')
  })

  await test.step('provoke reports while all of that is in play', async () => {
    // Same page load: these events carry the whole trail of breadcrumbs the journeys left.
    await addFault({ path_pattern: '/auth/me/', method: 'GET', status: 502, count: 3 })
    await api('GET', '/auth/me/').catch(() => null)
    await eventWhere(stack.ingest, 'the authenticated 502', e => e.tags?.['api.route'] === '/auth/me/')

    const cartToken = [...exposed].find(([name]) => name.startsWith('cart cookie sf_cart_token'))?.[1]
    expect(cartToken, 'the journeys left a cart token to look for').toBeTruthy()
    const hostileQuery = `email=${DEMO_USER_EMAIL}&cart=${cartToken}&phone=${encodeURIComponent(LEAK_ADDRESS.phone)}`
    await page.evaluate(to => (document.querySelector('#__nuxt') as unknown as { __vue_app__: { $nuxt: { $router: { push: (to: string) => Promise<unknown> } } } }).__vue_app__.$nuxt.$router.push(to), `/__observability/browser?${hostileQuery}`)
    await page.getByRole('button', { name: 'Throw in a Vue handler' }).click()
    await eventWhere(stack.ingest, 'the browser error', e => exceptionValue(e) === 'Monitoring test fault: Vue handler error')

    // A server render with the refresh and cart cookies and a hostile query.
    await page.goto(`${url}/__observability/ssr?${hostileQuery}`)
    await eventWhere(stack.ingest, 'the signed-in SSR error', e => exceptionValue(e) === 'Monitoring test fault: SSR render error')
  })

  const envelopes = [...tunnelBodies.map(body => ({ where: 'browser -> tunnel', raw: body })), ...stack.ingest.envelopes.map(envelope => ({ where: 'ingest', raw: envelope.raw }))]
  expect(tunnelBodies.length).toBeGreaterThan(0)
  expect(stack.ingest.events().length).toBeGreaterThanOrEqual(3)
  // Not a vacuous scan: the journeys' trail (sign-in request, clicks, cart calls) was in the events.
  const crumbs = stack.ingest.events().flatMap(event => event.breadcrumbs ?? [])
  expect(crumbs.some(crumb => crumb.category === 'api' && crumb.data?.url === '/api/auth/login')).toBe(true)
  expect(crumbs.some(crumb => crumb.category === 'api' && crumb.data?.url === '/api/cart/items/')).toBe(true)
  expect(crumbs.filter(crumb => crumb.category === 'ui.click').length).toBeGreaterThanOrEqual(3)
  for (const { where, raw } of envelopes) {
    for (const [name, secret] of exposed) expect(raw, `${name} in an envelope (${where})`).not.toContain(secret)
    expect(raw, `a JWT in an envelope (${where})`).not.toMatch(/eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]+/)
    expect(raw, `an email address in an envelope (${where})`).not.toMatch(/[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/i)
    expect(raw, `a payment token in an envelope (${where})`).not.toMatch(/\btok_[A-Za-z0-9]+/)
  }
  await context.close()
})
