import { expect, test, type Page } from '../support/test'
import { PRODUCTS_PATH, SIGN_IN_PATH } from '../../../utils/routes/paths'
import { accountButton, DEMO, gotoHydrated, signInThroughForm } from '../auth/support'
import { waitForHydration, waitForListeners } from '../support/hydration'

// A shopper whose system asks for reduced motion (vestibular disorders, distraction) gets still placeholders and
// busy indicators: the pulse and the spin run only for those who did not ask (Tailwind's motion-safe). Toasts fade
// in where they stand instead of bouncing in, and show no shrinking bar.

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

/** Records the name of every CSS animation that starts on the page from now on, in order. */
async function recordAnimations(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __started?: string[] }
    w.__started = []
    document.addEventListener('animationstart', event => w.__started!.push(event.animationName), true)
  })
  return () => page.evaluate(() => (window as unknown as { __started?: string[] }).__started ?? [])
}

test('a toast fades in where it stands with reduced motion, shows no moving bar, and still closes by itself', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await gotoHydrated(page, SIGN_IN_PATH)
  const started = await recordAnimations(page)
  await signInThroughForm(page, DEMO.email, DEMO.password)
  const toast = page.getByRole('alert').filter({ hasText: `Signed in as ${DEMO.name}` })
  await expect(toast).toBeVisible()
  await expect.poll(started).toContain('toast-fade-in')
  expect((await started()).filter(name => /^bounce/.test(name))).toEqual([])
  // The bar still runs, unseen: its end is what closes the toast (five seconds), so a still toast would stay for good.
  await expect(page.locator('.Vue-Toastification__progress-bar')).toBeHidden()
  await expect(toast).toHaveCount(0, { timeout: 15_000 })

  // Asked for nothing, the same toast bounces in with its bar (what the first half would have caught).
  await page.emulateMedia({ reducedMotion: 'no-preference' })
  await accountButton(page, DEMO.name).click()
  await page.getByRole('banner').getByRole('list', { name: 'Account' }).getByRole('button', { name: 'Sign out', exact: true }).click()
  const signedOut = page.getByRole('alert').filter({ hasText: 'You are signed out.' })
  await expect(signedOut).toBeVisible()
  await expect.poll(started).toContain('bounceInRight')
  // The bar has no role: it is the library's element, found by its class, inside the toast that says it.
  const toastBox = page.locator('.Vue-Toastification__toast').filter({ hasText: 'You are signed out.' })
  await expect(toastBox.locator('.Vue-Toastification__progress-bar')).toBeVisible()
})
