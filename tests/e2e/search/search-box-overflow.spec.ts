import { expect, test, type Locator, type Page } from '../support/test'
import { waitForHydration, waitForListeners } from '../support/hydration'

// At 320 x 640 the suggestions for "char" are taller than the popup (max 70vh), so the popup scrolls: the option a
// keyboard user highlights must be on screen, and the scroll box must not become a tab stop of its own.
test.use({ viewport: { width: 320, height: 640 } })

async function openSuggestions(page: Page): Promise<{ box: Locator, options: Locator }> {
  await page.goto('/')
  await waitForHydration(page)
  const box = page.getByRole('combobox', { name: 'Search products' })
  // Lazily hydrated: until then the keys under test would act on the server HTML.
  await waitForListeners(box)
  await box.focus()
  await box.pressSequentially('char', { delay: 30 })
  const listbox = page.getByRole('listbox', { name: 'Suggestions for char' })
  // Server rows in: the list no longer changes under the arrow keys.
  await expect(listbox).toHaveAttribute('data-results-for', 'char')
  return { box, options: listbox.getByRole('option') }
}

/** Where the highlighted option is, against the part of its scroll box that is on screen. */
function activeOptionPlace(box: Locator) {
  return box.evaluate((input) => {
    const option = document.getElementById(input.getAttribute('aria-activedescendant') ?? '')
    const scroller = option?.closest('[role="listbox"]')?.parentElement
    if (!option || !scroller) throw new Error('no highlighted option')
    const seen = scroller.getBoundingClientRect()
    const top = seen.top + scroller.clientTop
    const bottom = top + scroller.clientHeight
    const rect = option.getBoundingClientRect()
    return {
      name: option.getAttribute('aria-label') ?? option.textContent?.trim() ?? '',
      inView: rect.top >= top - 0.5 && rect.bottom <= bottom + 0.5,
      overflows: scroller.scrollHeight > scroller.clientHeight,
      pageScrollY: window.scrollY,
    }
  })
}

test('the highlighted suggestion is scrolled into view within the popup, down to the last and back round', async ({ page }) => {
  const { box, options } = await openSuggestions(page)
  const count = await options.count()
  const last = options.nth(count - 1)
  const lastName = await last.evaluate(el => el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '')

  for (let i = 0; i < count; i++) await page.keyboard.press('ArrowDown')
  await expect(last).toHaveAttribute('aria-selected', 'true')
  const atLast = await activeOptionPlace(box)
  // Otherwise this test proves nothing: the list must be taller than the popup.
  expect(atLast.overflows).toBe(true)
  expect(atLast).toMatchObject({ name: lastName, inView: true, pageScrollY: 0 })

  // Down from the last wraps to the first, which comes back into view.
  await page.keyboard.press('ArrowDown')
  await expect(options.first()).toHaveAttribute('aria-selected', 'true')
  expect(await activeOptionPlace(box)).toMatchObject({ inView: true, pageScrollY: 0 })

  // Up from the first wraps to the last.
  await page.keyboard.press('ArrowUp')
  await expect(last).toHaveAttribute('aria-selected', 'true')
  expect(await activeOptionPlace(box)).toMatchObject({ name: lastName, inView: true, pageScrollY: 0 })
  await expect(box).toBeFocused()
})

test('ArrowUp at once highlights the last suggestion, in view', async ({ page }) => {
  const { box, options } = await openSuggestions(page)
  await page.keyboard.press('ArrowUp')
  await expect(options.last()).toHaveAttribute('aria-selected', 'true')
  expect(await activeOptionPlace(box)).toMatchObject({ overflows: true, inView: true, pageScrollY: 0 })
})

test('Tab from the open popup goes to the next header control and closes the popup, as when nothing overflows', async ({ page }) => {
  const { box } = await openSuggestions(page)
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(box).toHaveAttribute('aria-activedescendant', /./)
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: /^Wishlist/ })).toBeFocused()
  await expect(box).toHaveAttribute('aria-expanded', 'false')
  await expect(page.getByRole('listbox')).toBeHidden()
})
