import { expect, test, type Page } from '../support/test'
import { waitForHydration, waitForListeners } from '../support/hydration'
import { addFault, resetFaults } from './support'

// The popup's buttons ("Clear recent searches", "Try again") are reached with Tab from the input; nothing else in the
// storefront clears recent searches, so a keyboard user who could not reach the button could not do it at all.

test.beforeEach(async () => {
  await resetFaults()
})

// useRecentSearches' RECENT_SEARCHES_KEY, spelled out as useSignOut does (importing it would load Vue into the runner).
const RECENT_SEARCHES_KEY = 'storefront:recent-searches'

test.afterEach(async () => {
  await resetFaults()
})

async function openHome(page: Page) {
  await page.goto('/')
  await waitForHydration(page)
  const box = page.getByRole('combobox', { name: 'Search products' })
  // Lazily hydrated: until then the keys under test would act on the server HTML.
  await waitForListeners(box)
  return box
}

test('recent searches are cleared with the keyboard alone: Tab reaches the button, Escape and Tab leave', async ({ page }) => {
  // Seeded before the app reads it (it reads once, on mount).
  await page.addInitScript(key => localStorage.setItem(key, JSON.stringify(['mug', 'oak lamp'])), RECENT_SEARCHES_KEY)
  const box = await openHome(page)
  const recent = page.getByRole('listbox', { name: 'Recent searches' })
  const clear = page.getByRole('button', { name: 'Clear recent searches' })
  await box.focus()
  await expect(recent.getByRole('option', { name: 'mug' })).toBeVisible()

  // Tab goes into the popup, which stays open; no option stays highlighted.
  await page.keyboard.press('ArrowDown')
  await expect(box).toHaveAttribute('aria-activedescendant', /./)
  await page.keyboard.press('Tab')
  await expect(clear).toBeFocused()
  await expect(box).toHaveAttribute('aria-expanded', 'true')
  await expect(box).not.toHaveAttribute('aria-activedescendant', /./)

  // Escape on the button closes the popup and puts the focus back in the input.
  await page.keyboard.press('Escape')
  await expect(box).toBeFocused()
  await expect(box).toHaveAttribute('aria-expanded', 'false')

  // Tab past the button leaves the widget and closes the popup.
  await page.keyboard.press('ArrowDown')
  await expect(box).toHaveAttribute('aria-expanded', 'true')
  await page.keyboard.press('Tab')
  await expect(clear).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('search').locator(':focus')).toHaveCount(0)
  await expect(box).toHaveAttribute('aria-expanded', 'false')
  await expect(clear).toBeHidden()

  // Back in, Tab, Enter: the list is gone, for good, and the focus is in the input.
  await box.focus()
  await page.keyboard.press('Tab')
  await expect(clear).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(box).toBeFocused()
  await expect(box).toHaveAttribute('aria-expanded', 'false')
  await expect(recent.getByRole('option')).toHaveCount(0)
  expect(await page.evaluate(key => localStorage.getItem(key), RECENT_SEARCHES_KEY)).toBe('[]')
})

test('"Try again" after failed suggestions is reached with Tab and brings the suggestions', async ({ page }) => {
  // One 500 (not retried by useApi): the first suggestion request fails, the next one is answered.
  await addFault({ path_pattern: '/products/suggest/', method: 'GET', status: 500, count: 1 })
  const box = await openHome(page)
  await box.focus()
  // One input event, so one request takes the fault: typed key by key on a loaded machine, a prefix's request
  // could take it and be superseded by the next, and nothing would fail.
  await box.fill('wireless')
  const retry = page.getByRole('button', { name: 'Try again' })
  await expect(retry).toBeVisible()

  await page.keyboard.press('Tab')
  await expect(retry).toBeFocused()
  await expect(box).toHaveAttribute('aria-expanded', 'true')
  await page.keyboard.press('Enter')

  const listbox = page.getByRole('listbox', { name: 'Suggestions for wireless' })
  await expect(listbox).toHaveAttribute('data-results-for', 'wireless')
  await expect(retry).toBeHidden()
  await expect(box).toBeFocused()
  await expect(box).toHaveAttribute('aria-expanded', 'true')
})
