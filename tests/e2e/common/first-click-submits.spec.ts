import { expect, test } from '../support/test'
import { gotoHydrated, uniqueEmail } from '../auth/support'
import { ADDRESS, backend, fillAddress, openCheckout, shopperWithCart } from '../checkout/support'

// Leaving a field for its form's submit button with the mouse shows the field's message, which pushed the button
// about 24 px down between mousedown and mouseup: the click missed, nothing was checked, and the button looked
// broken. One real click (mouse down and up where the button was) has to submit: every field checked, the first
// problem focused.
const api = backend()

test('checkout address: one mouse click on "Continue" straight from a field it will complain about checks every field', async ({ page, context, baseURL }) => {
  await shopperWithCart(context, baseURL!, api, 'first-click', [1])
  await openCheckout(page)
  // Full name is never touched: only a submit says anything about it.
  await fillAddress(page, { ...ADDRESS, fullName: '' })
  await page.getByLabel('Town or city').fill('')

  await page.getByRole('button', { name: 'Continue to shipping' }).click()

  await expect(page.getByText('Enter the town or city.')).toBeVisible()
  await expect(page.getByText('Enter the name of the person receiving the order.')).toBeVisible()
  await expect(page.getByLabel('Full name')).toBeFocused()
  await expect(page.getByRole('heading', { name: 'Delivery address' })).toBeVisible()
})

test('registration: one mouse click on "Create account" straight from a too-short password checks every field and sends nothing', async ({ page }) => {
  let posted = 0
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('/api/auth/')) posted += 1
  })
  await gotoHydrated(page, '/auth/register')
  await page.getByLabel('Email').fill(uniqueEmail('first-click'))
  await page.getByLabel('Password', { exact: true }).fill('short')

  await page.getByRole('button', { name: 'Create account' }).click()

  await expect(page.getByText('Enter your first name.')).toBeVisible()
  await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('First name')).toBeFocused()
  expect(posted).toBe(0)
})
