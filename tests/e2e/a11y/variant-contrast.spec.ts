import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { waitForHydration } from '../support/hydration'
import { backend } from '../checkout/support'
import { productPath } from '../../../utils/routes/paths'

interface VariantDto { id: number, options: Record<string, string> }

// A size sold out in the chosen colour stays on show (crossed out, "sold out" for screen readers): its text must
// still be readable (WCAG 1.4.3, 4.5:1).
test('a sold-out option of the variant picker keeps readable contrast', async ({ page }) => {
  const api = backend()
  // A product with colours and sizes from the middle of the catalog, away from the listings other tests read.
  let id = 6200
  let detail = await api.call<{ slug: string, variants: VariantDto[] }>(`/products/${id}/`)
  while (!detail.body.variants.some(v => v.options.colour && v.options.size)) {
    id += 1
    detail = await api.call<{ slug: string, variants: VariantDto[] }>(`/products/${id}/`)
  }
  const [soldOut, ...others] = detail.body.variants
  for (const variant of others) expect((await api.call(`/__products/${id}/`, { method: 'PATCH', body: { variant_id: variant.id, stock: 20 } })).status).toBe(200)
  expect((await api.call(`/__products/${id}/`, { method: 'PATCH', body: { variant_id: soldOut!.id, stock: 0 } })).status).toBe(200)

  await page.goto(productPath({ id, slug: detail.body.slug }))
  await waitForHydration(page)
  await page.getByRole('group', { name: /^Colour/ }).getByRole('radio', { name: soldOut!.options.colour }).check()
  const sizes = page.getByRole('group', { name: /^Size/ })
  await expect(sizes.getByRole('radio', { name: `${soldOut!.options.size} (sold out)` })).toBeVisible()

  const result = await new AxeBuilder({ page }).include('main fieldset').withRules(['color-contrast']).analyze()
  expect(result.violations.flatMap(v => v.nodes.map(n => n.target.join(' ')))).toEqual([])
})
