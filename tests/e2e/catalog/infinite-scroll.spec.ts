import { expect, test } from '../support/test'
import { observeLongTasks, sample, scrollUntilLoaded } from '../../../bench/catalog/scrollProbe'
import { categoryPath } from '../../../utils/routes/paths'
import { productIdFromPath } from '../../../utils/routes/productSegment'
import { waitForHydration } from '../support/hydration'
import { withoutProductImages } from '../support/images'

interface FacetCount { slug: string, name: string, count: number }

test('scrolling to the end of a 1,000-product category shows every product exactly once', async ({ page, request }) => {
  test.setTimeout(180_000)
  // A tall window walks the list in a third of the steps; every row still passes through the view.
  await page.setViewportSize({ width: 1280, height: 2400 })
  await withoutProductImages(page)
  const facets = await (await request.get('/api/products/facets/')).json() as { categories: FacetCount[] }
  // The smallest category with at least 1,000 products (a top-level one in the demo catalog).
  const category = facets.categories.filter(c => c.count >= 1000).sort((a, b) => a.count - b.count)[0]!
  await page.goto(`${categoryPath(category.slug)}?page_size=100`)
  await waitForHydration(page)
  const seen = new Map<number, number>()
  // Walk down a screen at a time, recording every rendered card's position and product id.
  for (;;) {
    // One snapshot, so "at the end" and "how many are loaded" describe the same moment.
    const snapshot = await page.evaluate(() => {
      const grid = document.querySelector<HTMLElement>('[role="list"][aria-label="Products"]')!
      const cards = [...grid.querySelectorAll('[role="listitem"]')].map(item => ({
        position: Number(item.getAttribute('aria-posinset')),
        href: item.querySelector('a')?.getAttribute('href') ?? '',
        setSize: Number(item.getAttribute('aria-setsize')),
      }))
      const atEnd = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2
      return { cards, atEnd, loaded: Number(grid.dataset.items) }
    })
    for (const card of snapshot.cards) {
      const id = productIdFromPath(card.href) ?? Number.NaN
      const previous = seen.get(card.position)
      if (previous !== undefined) expect(previous, `position ${card.position} changed product`).toBe(id)
      seen.set(card.position, id)
    }
    if (snapshot.atEnd && snapshot.cards.some(c => c.setSize !== -1)) break
    if (snapshot.atEnd) {
      // At the bottom with more to come: the sentinel is in view, so the next page must arrive by itself.
      await page.waitForFunction(n => Number(document.querySelector<HTMLElement>('[role="list"][aria-label="Products"]')?.dataset.items) > n, snapshot.loaded)
    }
    await page.evaluate(() => window.scrollBy(0, window.innerHeight))
    // The next snapshot is of what the shopper sees: the virtualizer may render the rows scrolled into view a few
    // frames later (a busy CI run once snapshotted the old rows four times, then scrolled past a row never seen).
    await page.waitForFunction(() => {
      const grid = document.querySelector<HTMLElement>('[role="list"][aria-label="Products"]')!
      const box = grid.getBoundingClientRect()
      const rows = [...grid.querySelectorAll('[role="listitem"]')].map(item => item.getBoundingClientRect())
      const from = Math.max(0, box.top)
      const to = Math.min(window.innerHeight, box.bottom)
      return to <= from || (rows.some(row => row.top <= from + 1) && rows.some(row => row.bottom >= to - 1))
    })
  }

  const ids = [...seen.entries()].sort((a, b) => a[0] - b[0])
  expect(ids).toHaveLength(category.count)
  expect(ids.map(([position]) => position)).toEqual(Array.from({ length: category.count }, (_, i) => i + 1))
  expect(new Set(ids.map(([, id]) => id)).size).toBe(category.count)
  await expect(page.getByText('You have seen all products.')).toBeVisible()
})

test('after 3,000 loaded products the DOM holds as many cards as after 1,000, and the last product can be reached', async ({ page }, testInfo) => {
  test.setTimeout(240_000)
  await observeLongTasks(page)
  await withoutProductImages(page)
  const startedAt = Date.now()
  await page.goto('/products?page_size=100')
  await waitForHydration(page)

  expect(await scrollUntilLoaded(page, 1000)).toBe(1000)
  const at1000 = await sample(page, startedAt)
  // 3,000 rather than bench/catalog's 5,000: three times the list shows whether the DOM grows with it, in half the
  // time of CI's slowest test (the 5,000 figures are bench/catalog's).
  expect(await scrollUntilLoaded(page, 3000)).toBe(3000)
  const at3000 = await sample(page, startedAt)
  testInfo.annotations.push({ type: 'infinite-scroll', description: JSON.stringify({ at1000, at3000 }) })
  console.log('infinite scroll', JSON.stringify({ at1000, at3000 }))

  expect(at3000.cardsInDom).toBeGreaterThan(0)
  expect(at3000.cardsInDom).toBeLessThanOrEqual(300)
  // The DOM does not grow with the list: 2,000 more products, (almost) the same number of elements.
  expect(at3000.domNodes).toBeLessThan(at1000.domNodes * 1.2)
  // How long the longest task took is measured by bench/catalog (scrollProbe.ts), not asserted here: a wall-clock
  // limit on a shared machine fails for reasons other than the code. The annotation above keeps it for a reader.

  // Still usable at the end: the last products are there and the shopper can open one.
  const last = page.locator('[role="listitem"][aria-posinset="3000"]')
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
  await expect(last).toBeAttached()
})
