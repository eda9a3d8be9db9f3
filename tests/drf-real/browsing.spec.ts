import { expect, test, type Page } from '@playwright/test'
import { register, signInThroughForm } from '../e2e/auth/support'
import { waitForHydration, waitForListeners } from '../e2e/support/hydration'
import { call, newShopper, PASSWORD } from './support'

// The shopper's paths besides ordering (shopper.spec.ts) against the real DRF backend (playwright.config.ts here):
// DRF's own answers for register, sign-in, the profile, the wishlist and its cursor, listings, reviews and the cart.
// Products come from the seed, each test its own id range; nothing here changes the shop's data but the shopper's.

interface Product { id: number, slug: string, title: string, stock: number, price: string, reviews_count: number, variants: unknown[] }

/** The first product from `from` on that `fits` (the seed is deterministic; each test reads its own range). */
async function productFrom(from: number, fits: (product: Product) => boolean): Promise<Product> {
  for (let id = from; id < from + 200; id++) {
    const { status, body } = await call<Product>(`/products/${id}/`)
    if (status === 200 && fits(body)) return body
  }
  throw new Error(`no product from ${from} fits`)
}

const emailFor = (label: string) => `drf-browse-${label}-${Date.now().toString(36)}@example.com`

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/auth/login')
  await waitForHydration(page)
  await signInThroughForm(page, email, PASSWORD)
  await page.waitForURL(url => !url.pathname.startsWith('/auth/login'))
}

const productPage = (product: Product) => `/products/${product.id}-${product.slug}`

test('register: Django\'s password validators and the unique email, in words and next to their fields', async ({ page }) => {
  const email = emailFor('register')
  await register(page, { firstName: 'Bea', lastName: 'Browse', email, password: '12345678' })
  const password = page.getByLabel('Password', { exact: true })
  // Field-level validate_password: both of Django's sentences, under the field, and nothing typed is lost.
  await expect(page.getByText('This password is too common.')).toBeVisible()
  await expect(page.getByText('This password is entirely numeric.')).toBeVisible()
  await expect(page.getByLabel('Email')).toHaveValue(email)
  await password.fill(PASSWORD)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Welcome, Bea Browse! Your account is ready.' })).toBeVisible()

  await page.context().clearCookies()
  await register(page, { firstName: 'Bea', lastName: 'Browse', email, password: PASSWORD })
  // The ModelSerializer's UniqueValidator says "user with this email address already exists.".
  await expect(page.getByText('An account with this email already exists. Sign in with it, or use another email.')).toBeVisible()
})

test('sign-in refused, then the profile: DRF\'s max_length under the field, the name saved', async ({ page }) => {
  const shopper = await newShopper('profile', 'drf-browse')
  await page.goto('/auth/login')
  await waitForHydration(page)
  await signInThroughForm(page, shopper.email, 'not-the-password-1')
  await expect(page.getByRole('alert')).toContainText('The email or password is not right. Check both and try again.')

  await signInThroughForm(page, shopper.email, PASSWORD)
  await page.waitForURL(url => !url.pathname.startsWith('/auth/login'))
  await page.goto('/auth/profile')
  await waitForHydration(page)
  const firstName = page.getByLabel('First name')
  // Typed while the page's own read of the profile is on its way (a 401, a refresh, a replay): it must survive it.
  await firstName.fill('B'.repeat(151))
  await page.getByRole('button', { name: 'Save name' }).click()
  await expect(page.getByText('Ensure this field has no more than 150 characters.')).toBeVisible()
  await expect(firstName).toHaveValue('B'.repeat(151))
  await firstName.fill('Beatrix')
  await page.getByRole('button', { name: 'Save name' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Your name is saved.' })).toBeVisible()
  expect((await call<{ first_name: string }>('/auth/me/', { token: shopper.token })).body.first_name).toBe('Beatrix')
})

test('the wishlist: signed out the heart asks to sign in; 30 entries page through DRF\'s cursor; removing is the backend\'s', async ({ page }) => {
  const first = await productFrom(400, () => true)
  await page.goto(productPage(first))
  await waitForHydration(page)
  await page.getByRole('button', { name: `Add ${first.title} to wishlist` }).click()
  await page.waitForURL(`**/auth/login?redirect=${productPage(first)}`)

  const shopper = await newShopper('wishlist', 'drf-browse')
  const ids = Array.from({ length: 30 }, (_, i) => 400 + i)
  for (const id of ids) expect((await call('/wishlist/', { method: 'POST', token: shopper.token, body: { product_id: id } })).status).toBe(201)
  await signIn(page, shopper.email)
  await page.goto('/wishlist')
  await waitForHydration(page)
  const entries = page.getByRole('list', { name: 'Saved products' }).getByRole('listitem')
  await expect(entries).toHaveCount(24)
  await page.getByRole('button', { name: 'Load more' }).click()
  await expect(entries).toHaveCount(30)
  await expect(page.getByText('That is everything in your wishlist.')).toBeVisible()

  // The oldest entry (DRF's second page) is saved on its product page too (no /wishlist/ids/ here: DRF's 405).
  await page.goto(productPage(first))
  await waitForHydration(page)
  const heart = page.getByRole('button', { name: `Add ${first.title} to wishlist` })
  await expect(heart).toHaveAttribute('aria-pressed', 'true')
  await waitForListeners(heart)
  await heart.click()
  await expect(heart).toHaveAttribute('aria-pressed', 'false')
  await expect.poll(async () => (await call<{ results: Array<{ product: { id: number } }> }>('/wishlist/?page_size=100', { token: shopper.token })).body.results.length).toBe(29)
})

test('listings: a stale brand is left out with a notice; a parent category counts its children; price order', async ({ page }) => {
  await page.goto('/products?brand=no-such-brand')
  await waitForHydration(page)
  await expect(page.getByText('The brand ‘no-such-brand’ is no longer available, so it was left out.')).toBeVisible()

  await page.goto('/categories/clothing')
  await waitForHydration(page)
  const facets = (await call<{ categories: Array<{ slug: string, count: number }> }>('/products/facets/?category=clothing')).body
  // The category filter takes the children too: Clothing's count is its T-Shirts', Jackets' and Trousers'.
  const clothing = facets.categories.find(c => c.slug === 'clothing')!.count
  await expect(page.getByText(`${clothing.toLocaleString('en-US')} products`).first()).toBeVisible()

  await page.goto('/products?brand=acme&sort=price-asc')
  await waitForHydration(page)
  const cheapest = (await call<{ results: Array<{ title: string }> }>('/products/?brand=acme&ordering=price&page_size=3')).body.results.map(p => p.title)
  const titles = page.getByRole('main').getByRole('heading', { level: 2 })
  await expect(titles.filter({ hasText: cheapest[0]! })).toBeVisible()
  const shown = await titles.allTextContents().then(texts => texts.map(text => text.trim()))
  expect(cheapest.map(title => shown.indexOf(title))).toEqual([...cheapest.map(title => shown.indexOf(title))].sort((a, b) => a - b))
  expect(cheapest.every(title => shown.includes(title))).toBe(true)
})

test('a product\'s reviews: five, then DRF\'s second page on "More reviews"', async ({ page }) => {
  const product = await productFrom(500, p => p.reviews_count >= 7)
  await page.goto(productPage(product))
  await waitForHydration(page)
  const reviews = page.getByRole('region', { name: 'Reviews' }).getByRole('article')
  await expect(reviews).toHaveCount(5)
  // The reviews hydrate when the browser is idle (a click before that is not replayed).
  const more = page.getByRole('button', { name: 'More reviews' })
  await waitForListeners(more)
  await more.click()
  await expect(reviews).toHaveCount(product.reviews_count)
})

test('the cart over stock: DRF\'s 409 (available as a string) on the product page and in the cart; 150 is held to 99', async ({ page }) => {
  const product = await productFrom(600, p => p.variants.length === 0 && p.stock >= 2 && p.stock <= 40)
  await page.goto(productPage(product))
  await waitForHydration(page)
  await page.getByRole('spinbutton', { name: 'Quantity' }).fill(String(product.stock))
  await page.getByRole('button', { name: 'Add to cart' }).click()
  await expect(page.getByRole('banner').getByRole('button', { name: `Cart, ${product.stock} items` })).toBeVisible()
  await page.getByRole('spinbutton', { name: 'Quantity' }).fill('1')
  await page.getByRole('button', { name: 'Add to cart' }).click()
  await expect(page.getByText(`Only ${product.stock} left in stock, so your cart can hold at most ${product.stock}.`).first()).toBeVisible()

  await page.goto('/cart')
  await waitForHydration(page)
  const quantity = page.getByRole('textbox', { name: `Quantity of ${product.title}` })
  await quantity.fill('150')
  await quantity.press('Enter')
  await expect(page.getByText('99 is the most one line can hold.')).toBeVisible()
  await expect(page.getByText(`Only ${product.stock} left in stock, so your cart can hold at most ${product.stock}.`).first()).toBeVisible()
  await expect(quantity).toHaveValue(String(product.stock))
})
