import type { Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '../support/test'
import { waitForHydration } from '../support/hydration'
import { addFault, backendStats, isSuggestionCall, queryOf, queryOfUrl, recordSuggestionRequests, resetFaults, watchServerRows } from './support'

test.beforeEach(async ({ page }) => {
  await resetFaults()
  await page.goto('/')
  await waitForHydration(page)
})

// Slow-response faults left behind would slow down whatever test runs next.
test.afterEach(async () => {
  await resetFaults()
})

test('"wireless" typed at 80 ms per key sends one suggestion request, 250 ms after the last key', async ({ page }) => {
  const requests = recordSuggestionRequests(page)
  const box = page.getByRole('combobox', { name: 'Search products' })
  await box.focus()
  const history = await watchServerRows(page)
  // Every suggestion answer is slow, so an early (prefix) answer would arrive after later keystrokes.
  await addFault({ path_pattern: '/products/suggest/', latency_ms: 600, count: 10 })
  // The page's clock is paused and stepped by the test, so "80 ms between keys" is exactly that on any machine. (An
  // installed clock alone still flows with real time: on a loaded machine a key press takes longer than the debounce.)
  const now = Date.now()
  await page.clock.install({ time: now })
  await page.clock.pauseAt(now + 1000)

  for (const key of 'wireless') {
    await box.press(key)
    await page.clock.runFor(80)
  }
  expect(requests.suggest).toHaveLength(0)
  await page.clock.runFor(170)
  await page.clock.resume()

  const listbox = page.getByRole('listbox', { name: 'Suggestions for wireless' })
  await expect(listbox).toHaveAttribute('data-results-for', 'wireless')
  await expect(listbox.getByRole('option', { name: /wireless headphones/i }).first()).toBeVisible()
  expect(requests.suggest.map(queryOf)).toEqual(['wireless'])
  expect(requests.preview).toHaveLength(1)
  expect(await history()).toEqual(['wireless'])
  const routes = await backendStats()
  expect(routes['GET /products/suggest/']).toBe(1)
})

test('a prefix answer that arrives late never replaces the results for "wireless"', async ({ page }) => {
  const requests = recordSuggestionRequests(page)
  const box = page.getByRole('combobox', { name: 'Search products' })
  await box.focus()
  const history = await watchServerRows(page)
  // The answers for the prefix (its suggestions and product preview) are held until "wireless" is on screen, then
  // let through: late for certain, however fast or slow the machine.
  const heldPrefix: Array<() => Promise<void>> = []
  await page.route(url => isSuggestionCall(url) && queryOfUrl(url) === 'wire', route => void heldPrefix.push(() => route.continue()))
  // The page's clock is paused and stepped by the test (as in the test above), so the debounce asks for "wire" and
  // then for "wireless", and nothing in between: keys reaching a loaded page more than 250 ms apart asked for "wi"
  // or "wir" first.
  const now = Date.now()
  await page.clock.install({ time: now })
  await page.clock.pauseAt(now + 1000)
  const prefixSent = page.waitForRequest(r => isSuggestionCall(new URL(r.url())) && queryOf(r) === 'wire')
  for (const key of 'wire') {
    await box.press(key)
    await page.clock.runFor(80)
  }
  await page.clock.runFor(170)
  const prefix = await prefixSent
  // The prefix request ends one way or another (aborted by the newer query, or answered late): wait for that event.
  const prefixDone = Promise.race([page.waitForEvent('requestfailed', r => r === prefix), prefix.response().then(r => r?.finished())])
  for (const key of 'less') {
    await box.press(key)
    await page.clock.runFor(80)
  }
  await page.clock.runFor(170)
  await page.clock.resume()

  const listbox = page.getByRole('listbox', { name: 'Suggestions for wireless' })
  await expect(listbox).toHaveAttribute('data-results-for', 'wireless')
  await expect(listbox.getByRole('option', { name: /wireless headphones/i }).first()).toBeVisible()
  // A request the page has given up on cannot be let through (Playwright refuses): that is the abort, and fine.
  await Promise.all(heldPrefix.map(release => release().catch(() => {})))
  await prefixDone
  await expect(listbox).toHaveAttribute('data-results-for', 'wireless')
  expect(requests.suggest.map(queryOf)).toEqual(['wire', 'wireless'])
  expect(await history()).toEqual(['wireless'])
})

/**
 * Holds the suggestion round (suggest call and product preview) for `query` until released, and records every
 * option's name shown for it (a MutationObserver in the page, so a row shown for a single frame is caught).
 */
async function holdRoundFor(page: Page, query: string) {
  const held: Array<() => Promise<void>> = []
  let released = false
  // The round is two requests: one that comes after the release goes straight through.
  await page.route(url => isSuggestionCall(url) && queryOfUrl(url) === query, (route) => {
    if (released) void route.continue()
    else held.push(() => route.continue())
  })
  const sent = page.waitForRequest(r => isSuggestionCall(new URL(r.url())) && queryOf(r) === query)
  await page.evaluate((query) => {
    const seen: string[] = []
    ;(window as unknown as { __optionsShown: string[] }).__optionsShown = seen
    const listbox = document.querySelector('[role="listbox"]')
    if (!listbox) throw new Error('no listbox')
    new MutationObserver(() => {
      if (listbox.getAttribute('aria-label') !== `Suggestions for ${query}`) return
      for (const option of listbox.querySelectorAll('[role="option"]')) seen.push(option.getAttribute('aria-label') ?? option.textContent?.trim() ?? '')
    }).observe(listbox, { attributes: true, childList: true, subtree: true, characterData: true })
  }, query)
  return {
    sent,
    release: () => {
      released = true
      return Promise.all(held.map(go => go()))
    },
    shown: () => page.evaluate(() => (window as unknown as { __optionsShown: string[] }).__optionsShown),
  }
}

test('"hedphones" shows headphone suggestions once the server\'s answer has no "hedphones" as typed, not before', async ({ page }) => {
  const box = page.getByRole('combobox', { name: 'Search products' })
  await box.focus()
  // "nord" is found as typed in a brand (only the instant layer lists brands): the layer is ready.
  await box.pressSequentially('nord', { delay: 30 })
  await expect(page.getByRole('listbox', { name: 'Suggestions for nord' }).getByRole('option', { name: 'Nordpeak', exact: true })).toBeVisible()
  const round = await holdRoundFor(page, 'hedphones')
  await box.fill('hedphones')
  await round.sent
  const listbox = page.getByRole('listbox', { name: 'Suggestions for hedphones' })
  // The server may still list products with "hedphones" as typed: no typo rescue yet.
  await expect(listbox.getByRole('option', { name: 'Headphones', exact: true })).toHaveCount(0)
  await round.release()
  await expect(listbox).toHaveAttribute('data-results-for', 'hedphones')
  await expect(listbox.getByRole('option', { name: 'Headphones', exact: true })).toBeVisible()
  await expect(listbox.getByRole('group', { name: 'Categories' }).locator('mark')).toHaveText('Headphones')
})

test('"stove" on a cold store never flashes a Stone- brand a typo away: the stoves come, the brands never', async ({ page }) => {
  // The seeded brands Stonepeak, Stoneline, Stoneworks, Stonecraft, Stonefield: "stone" is "stove" one letter off.
  const stoneBrand = /^Stone(peak|line|works|craft|field)$/
  // The sign-in page holds no products: the store is cold (the home page's may have a stove).
  await page.goto('/auth/login')
  await waitForHydration(page)
  const box = page.getByRole('combobox', { name: 'Search products' })
  await box.focus()
  // One letter lists the brands starting with it (only the instant layer lists brands) and asks the server nothing,
  // so the layer is ready and the store gets no stove from a server round (it would find "stove" as typed).
  await box.press('s')
  await expect(page.getByRole('listbox', { name: 'Suggestions for s' }).getByRole('group', { name: 'Brands' }).getByRole('option').first()).toBeVisible()
  const round = await holdRoundFor(page, 'stove')
  await box.fill('stove')
  await round.sent
  await round.release()
  const listbox = page.getByRole('listbox', { name: 'Suggestions for stove' })
  await expect(listbox).toHaveAttribute('data-results-for', 'stove')
  await expect(listbox.getByRole('option', { name: /stove/i }).first()).toBeVisible()
  await expect(listbox.getByRole('group', { name: 'Brands' })).toHaveCount(0)
  expect((await round.shown()).filter(name => stoneBrand.test(name))).toEqual([])
})

test('the combobox passes axe and works with the keyboard alone', async ({ page }) => {
  // Reach the box with Tab only, from the top of the page: the skip link, the brand, the main links, then the box.
  const box = page.getByRole('combobox', { name: 'Search products' })
  const banner = page.getByRole('banner')
  const main = banner.getByRole('navigation', { name: 'Main' })
  for (const stop of [page.getByRole('link', { name: 'Skip to content' }), banner.getByRole('link', { name: 'Storefront' }), main.getByRole('link', { name: 'All products' }), main.getByRole('link', { name: 'Categories' }), box]) {
    await page.keyboard.press('Tab')
    await expect(stop).toBeFocused()
  }

  await page.keyboard.type('wireless', { delay: 30 })
  const listbox = page.getByRole('listbox', { name: 'Suggestions for wireless' })
  await expect(listbox).toHaveAttribute('data-results-for', 'wireless')
  await expect(box).toHaveAttribute('aria-expanded', 'true')

  const closed = await new AxeBuilder({ page }).include('form[role="search"]').analyze()
  expect(closed.violations).toEqual([])

  // Arrows move the active option (focus stays in the input); Escape closes, ArrowDown reopens.
  await page.keyboard.press('ArrowDown')
  const first = listbox.getByRole('option').first()
  await expect(box).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id'))!)
  await expect(first).toHaveAttribute('aria-selected', 'true')
  const withActive = await new AxeBuilder({ page }).include('form[role="search"]').analyze()
  expect(withActive.violations).toEqual([])

  await page.keyboard.press('Escape')
  await expect(box).toHaveAttribute('aria-expanded', 'false')
  await expect(box).toHaveValue('wireless')
  await page.keyboard.press('ArrowDown')
  await expect(box).toHaveAttribute('aria-expanded', 'true')

  // Enter on the highlighted "wireless headphones" search goes to its results.
  const target = listbox.getByRole('option', { name: 'wireless headphones', exact: true })
  const targetId = (await target.getAttribute('id'))!
  for (let i = 0; i < 12 && (await box.getAttribute('aria-activedescendant')) !== targetId; i++) await page.keyboard.press('ArrowDown')
  await expect(box).toHaveAttribute('aria-activedescendant', targetId)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/search\?q=wireless%20headphones$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “wireless headphones”')

  // The search is remembered: focusing the box again offers it under recent searches.
  await box.focus()
  await page.keyboard.press('Control+a')
  await page.keyboard.press('Backspace')
  const recent = page.getByRole('listbox', { name: 'Recent searches' })
  await expect(recent.getByRole('option', { name: 'wireless headphones' })).toBeVisible()
  const recentAxe = await new AxeBuilder({ page }).include('form[role="search"]').analyze()
  expect(recentAxe.violations).toEqual([])
})
