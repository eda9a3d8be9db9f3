import { expect, test } from '@playwright/test'
import { waitForHydration } from '../support/hydration'

test('products page is server-rendered and hydration does not refetch the first page', async ({ page }) => {
  const listRequests: URL[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.pathname === '/api/products/') listRequests.push(url)
  })

  await page.goto('/products')
  await waitForHydration(page)
  await page.waitForLoadState('networkidle')

  const grid = page.getByRole('list', { name: 'Products' })
  await expect(grid.getByRole('listitem')).toHaveCount(24)
  expect(listRequests).toEqual([])

  // The client takes over from there: the next page is one request with the server's cursor.
  await page.getByRole('button', { name: 'Load more' }).click()
  await expect(grid.getByRole('listitem')).toHaveCount(48)
  expect(listRequests).toHaveLength(1)
  expect(listRequests[0]!.searchParams.get('cursor')).toBeTruthy()
})
