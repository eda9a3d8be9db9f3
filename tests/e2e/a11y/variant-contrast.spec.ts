import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '../support/test'
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

// Stars are the only rating a sighted shopper gets on a card (WCAG 1.4.11, 3:1 for graphics): the filled ones against
// the page, and the empty ones distinct from them by shape (an outline) drawn at 3:1 too. Read from the computed
// styles, so a colour changed in the theme or the component is measured as drawn. In forced colours (Windows High
// Contrast) the browser paints all text in one system colour: the empty stars stay outlines there, not filled ones.
test('rating stars are drawn at 3:1 at least, empty ones as outlines, and read as one sentence', async ({ page }) => {
  await page.goto('/products')
  const rating = page.getByRole('main').locator('p').filter({ hasText: /Rated \d\.\d out of 5/ }).first()
  expect(await rating.ariaSnapshot()).toMatch(/^- paragraph: Rated \d\.\d out of 5, \d+ reviews?$/)
  const stars = rating.locator('[aria-hidden="true"]').first()
  const draw = () => stars.evaluate((empty) => {
    const style = (el: Element) => getComputedStyle(el)
    let background = 'rgba(0, 0, 0, 0)'
    for (let el: Element | null = empty; el && / 0\)$/.test(background); el = el.parentElement) background = style(el).backgroundColor
    const star = (el: Element) => ({ fill: style(el).color, stroke: style(el).webkitTextStrokeColor, width: Number.parseFloat(style(el).webkitTextStrokeWidth) })
    return { background: / 0\)$/.test(background) ? 'rgb(255, 255, 255)' : background, empty: star(empty), filled: star(empty.firstElementChild!) }
  })
  const channels = (css: string) => css.match(/[\d.]+/g)!.map(Number)
  const luminance = (css: string) => {
    const [r, g, b] = channels(css).map(c => c / 255).map(c => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
  }
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
    return (hi! + 0.05) / (lo! + 0.05)
  }
  const expectDistinct = (drawn: Awaited<ReturnType<typeof draw>>) => {
    expect(contrast(drawn.filled.fill, drawn.background), `filled ${drawn.filled.fill} on ${drawn.background}`).toBeGreaterThanOrEqual(3)
    expect(channels(drawn.empty.fill)[3], 'empty stars are outlines').toBe(0)
    expect(drawn.empty.width).toBeGreaterThanOrEqual(1)
    expect(contrast(drawn.empty.stroke, drawn.background), `empty ${drawn.empty.stroke} on ${drawn.background}`).toBeGreaterThanOrEqual(3)
  }
  expectDistinct(await draw())
  await page.emulateMedia({ forcedColors: 'active' })
  const forced = await draw()
  expectDistinct(forced)
  // One system colour for both, the shopper's text colour: the shape alone tells them apart, as the theme means.
  expect(forced.empty.stroke).toBe(forced.filled.fill)
})
