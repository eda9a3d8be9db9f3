import { expect, test, type Page } from '../support/test'
import { PRODUCTS_PATH } from '../../../utils/routes/paths'
import { waitForHydration, waitForListeners } from '../support/hydration'

// A shopper whose system asks for reduced motion (vestibular disorders, distraction) gets still placeholders and
// busy indicators: the pulse and the spin run only for those who did not ask (Tailwind's motion-safe).

/** Every element on the page with a CSS animation running, as "tag.class" for the message. */
function moving(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('body *')]
    .filter(element => getComputedStyle(element).animationName !== 'none')
    .map(element => `${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''}`))
}

test('a product page loading after a click moves nothing when reduced motion is asked for, and pulses otherwise', async ({ page }) => {
  // A product's details are held, from the backend and as the page cache's payload (the listing may fetch them
  // before the card is opened), so its page stays on its placeholder while the test looks.
  let release!: () => void
  const held = new Promise<void>(resolve => (release = resolve))
  await page.route(/\/api\/products\/\d+\/(\?.*)?$|\/products\/[^/]+\/_payload\.json/, async (route) => {
    await held
    await route.continue()
  })
  await page.goto(PRODUCTS_PATH)
  await waitForHydration(page)
  await page.emulateMedia({ reducedMotion: 'reduce' })
  // The grid hydrates when idle: a click before that is a plain link, a full page load, server-rendered (no placeholder).
  const card = page.getByRole('list', { name: 'Products' }).getByRole('link').first()
  await waitForListeners(card)
  await card.click()
  const loading = page.getByRole('status', { name: 'Loading product' })
  await expect(loading).toBeVisible()
  expect(await moving(page)).toEqual([])

  // The same placeholder, for a shopper who did not ask: it pulses (what the first half would have caught).
  await page.emulateMedia({ reducedMotion: 'no-preference' })
  await expect.poll(() => moving(page)).not.toEqual([])

  release()
  await expect(loading).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
})
