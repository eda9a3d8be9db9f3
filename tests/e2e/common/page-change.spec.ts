import { expect, test, type Page } from '../support/test'
import { waitForHydration, waitForListeners } from '../support/hydration'

// A client-side page change, as a screen-reader or keyboard user meets it: the app's status region says the new
// page's title, and the focus starts on the new page when the link that had it is gone (plugins/page-change.client.ts).
// Query-only changes (filters, sort, pager, search term) have messages of their own and are not a page change.

/** Every message written into the app's status region since the document loaded, in order (each is a new node). */
async function recordAnnouncements(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const said: string[] = []
    ;(window as unknown as { __said: string[] }).__said = said
    new MutationObserver((records) => {
      for (const record of records) {
        const region = (record.target as Element).closest?.('#app-announcer')
        if (region) for (const node of record.addedNodes) said.push((node.textContent ?? '').trim())
      }
    }).observe(document, { childList: true, subtree: true })
  })
  return () => page.evaluate(() => [...(window as unknown as { __said: string[] }).__said])
}

/** The status region the app announces in: the one role="status" whose content is a navigation message. */
function announcer(page: Page) {
  return page.getByRole('status').and(page.locator('#app-announcer'))
}

async function openProducts(page: Page) {
  await page.goto('/products')
  await waitForHydration(page)
  const card = page.getByRole('list', { name: 'Products' }).getByRole('link').first()
  // Cards' links become NuxtLinks when the grid hydrates (when idle): before that a click loads a document.
  await waitForListeners(card)
  return card
}

test('following a product card announces the product page and starts the focus at its heading', async ({ page }) => {
  const said = await recordAnnouncements(page)
  const card = await openProducts(page)
  const name = (await card.textContent())!.trim()
  await card.click()

  const heading = page.getByRole('main').getByRole('heading', { level: 1 })
  await expect(heading).toHaveText(name)
  // The document title as the product page sets it, said once (not the loading page's "Product").
  await expect(announcer(page)).toHaveText(`${name} · Storefront`)
  await expect(page).toHaveTitle(`${name} · Storefront`)
  expect(await said()).toEqual([`${name} · Storefront`])
  await expect(heading).toBeFocused()
  // Focusable only while it has the focus: it is not a stop in the Tab order.
  await page.keyboard.press('Tab')
  await expect(heading).not.toHaveAttribute('tabindex')
})

test('the header\'s links announce each page they open; the first, server-rendered page is not announced', async ({ page }) => {
  const said = await recordAnnouncements(page)
  await page.goto('/')
  await waitForHydration(page)
  const nav = page.getByRole('banner').getByRole('navigation', { name: 'Main' })
  await waitForListeners(nav.getByRole('link', { name: 'Categories' }))

  await nav.getByRole('link', { name: 'Categories' }).click()
  await expect(page).toHaveURL(/\/categories$/)
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Categories')
  await expect(announcer(page)).toHaveText(/^Categories · /)
  expect(await announcer(page).textContent()).toBe(await page.title())

  await nav.getByRole('link', { name: 'All products' }).click()
  await expect(page).toHaveURL(/\/products$/)
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('All products')
  await expect(announcer(page)).toHaveText(/^All products · /)
  expect(await announcer(page).textContent()).toBe(await page.title())
  expect(await said()).toEqual([expect.stringMatching(/^Categories · /), expect.stringMatching(/^All products · /)])
})

test('a filter change on /products is not announced as a page change', async ({ page }) => {
  const said = await recordAnnouncements(page)
  await page.goto('/')
  await waitForHydration(page)
  const link = page.getByRole('banner').getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'All products' })
  await waitForListeners(link)
  await link.click()
  await expect(announcer(page)).toHaveText(/^All products · /)
  const arrived = await said()
  expect(arrived).toHaveLength(1)

  const count = page.getByRole('main').getByText(/^\d[\d,]* products?$/)
  const before = await count.textContent()
  const inStock = page.getByRole('complementary', { name: 'Filters' }).getByRole('checkbox', { name: 'In stock only' })
  // The panel hydrates when the browser is idle (up to 10 s on a busy machine): this test is about what follows.
  await waitForListeners(inStock)
  await inStock.check()
  await expect(page).toHaveURL(/[?&]in_stock=/)
  // The listing's own live count says the result; that is the message for a filter change.
  await expect(count).not.toHaveText(before!)
  expect(await said()).toEqual(arrived)
})

test('keyboard: after Enter on a card, Tab moves on inside the product page, not the list that was left', async ({ page }) => {
  const card = await openProducts(page)
  const name = (await card.textContent())!.trim()
  await card.focus()
  await page.keyboard.press('Enter')
  const heading = page.getByRole('main').getByRole('heading', { level: 1 })
  await expect(heading).toHaveText(name)
  await expect(heading).toBeFocused()
  // Reached from the keyboard, the heading shows where the focus is.
  expect(await heading.evaluate(el => el.matches(':focus-visible') && getComputedStyle(el).outlineStyle !== 'none')).toBe(true)

  // The next stop is the product's own first control, the heart beside the title (drawn once its code has loaded),
  // not the breadcrumbs above the heading nor the list that was left.
  const heart = page.getByRole('main').getByRole('button', { name: `Add ${name} to wishlist` })
  await expect(heart).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(heart).toBeFocused()
})

test('a client-side navigation that ends on the error page announces it and starts the focus at its heading', async ({ page }) => {
  const said = await recordAnnouncements(page)
  await page.goto('/products')
  await waitForHydration(page)
  // Stands for an in-app link to a path no page has: the router's own push, as NuxtLink would call it.
  await page.evaluate(() => {
    const root = document.querySelector('#__nuxt') as unknown as { __vue_app__: { $nuxt: { $router: { push: (to: string) => Promise<unknown> } } } }
    return root.__vue_app__.$nuxt.$router.push('/no-such-page')
  })
  const heading = page.getByRole('main').getByRole('heading', { level: 1 })
  await expect(heading).toHaveText('We could not find this page')
  await expect(announcer(page)).toHaveText('We could not find this page · Storefront')
  await expect(heading).toBeFocused()
  expect(await said()).toEqual(['We could not find this page · Storefront'])
})
