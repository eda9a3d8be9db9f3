import { describe, expect, it } from 'vitest'
import { formatMoney, toMinorUnits } from '~/utils/format/money'
import { categoryPath, HOME_PATH, productPath, PRODUCTS_PATH } from '~/utils/routes/paths'
import { productIdFromPath } from '~/utils/routes/productSegment'
import { useBuiltStack } from '../server/support/builtStack'
import { anchorUrls, jsonLdOfType, linkHref, metaContent, parseHtml } from './support/html'

// Raw server HTML, no JavaScript: every tag and JSON-LD field a crawler reads on a product and a listing page.

const SITE = 'http://shop.test'
const stack = useBuiltStack({ seedProducts: 120, siteUrl: SITE })

async function page(path: string): Promise<{ status: number, doc: Document, location: string | null }> {
  const response = await fetch(`${stack.web.url}${path}`, { redirect: 'manual' })
  const html = await response.text()
  return { status: response.status, doc: parseHtml(html, `${stack.web.url}${path}`), location: response.headers.get('location') }
}

function reviewedProduct() {
  const product = stack.api.backend.db.products.find(p => p.reviewsCount > 0 && p.stock > 0)
  if (!product) throw new Error('seed has no reviewed product in stock')
  return product
}

describe('product page', () => {
  it('has title, description, canonical, Open Graph, Twitter and JSON-LD Product + BreadcrumbList', async () => {
    const product = reviewedProduct()
    const path = productPath(product)
    const { status, doc } = await page(path)
    expect(status).toBe(200)

    expect(doc.title).toBe(`${product.title} · Storefront`)
    const description = metaContent(doc, 'description') ?? ''
    expect(description.length).toBeGreaterThan(50)
    expect(description.length).toBeLessThanOrEqual(160)
    expect(linkHref(doc, 'canonical')).toBe(`${SITE}${path}`)
    expect(metaContent(doc, 'og:title')).toBe(product.title)
    expect(metaContent(doc, 'og:description')).toBe(description)
    expect(metaContent(doc, 'og:url')).toBe(`${SITE}${path}`)
    expect(metaContent(doc, 'og:type')).toBe('product')
    expect(metaContent(doc, 'og:image')).toMatch(/^https?:\/\/.+\/media\/products\//)
    expect(metaContent(doc, 'twitter:card')).toBe('summary_large_image')
    expect(metaContent(doc, 'twitter:title')).toBe(product.title)
    expect(metaContent(doc, 'twitter:description')).toBe(description)
    expect(metaContent(doc, 'twitter:image')).toBe(metaContent(doc, 'og:image'))
    expect(metaContent(doc, 'robots')).toBeNull()

    const ld = jsonLdOfType(doc, 'Product')
    expect(ld).toMatchObject({ '@context': 'https://schema.org', 'name': product.title, 'description': description, 'sku': String(product.id) })
    expect(ld.brand).toMatchObject({ '@type': 'Brand', 'name': stack.api.backend.db.brands.find(b => b.id === product.brandId)?.name })
    expect((ld.image as string[])[0]).toMatch(/^https?:\/\//)
    const offers = ld.offers as Record<string, string>
    expect(offers).toMatchObject({ '@type': 'Offer', 'priceCurrency': 'USD', 'availability': 'https://schema.org/InStock', 'url': `${SITE}${path}` })
    const dto = await (await fetch(`${stack.api.url}/products/${product.id}/`)).json() as { price: string }
    expect(offers.price).toBe(dto.price)
    // The price in the JSON-LD is the price the page shows.
    const shown = formatMoney({ amount: toMinorUnits(offers.price ?? '', 'USD'), currency: 'USD' })
    expect(doc.querySelector('main')?.textContent).toContain(shown)
    expect(ld.aggregateRating).toMatchObject({ '@type': 'AggregateRating', 'reviewCount': product.reviewsCount, 'ratingValue': product.ratingTenths / 10 })

    const crumbs = (jsonLdOfType(doc, 'BreadcrumbList').itemListElement as Array<Record<string, unknown>>)
    expect(crumbs[0]).toMatchObject({ position: 1, name: 'Home', item: `${SITE}/` })
    expect(crumbs.at(-1)).toMatchObject({ name: product.title, item: `${SITE}${path}` })
    const category = stack.api.backend.db.categories.find(c => c.id === product.categoryId)
    expect(crumbs.at(-2)).toMatchObject({ name: category?.name, item: `${SITE}${categoryPath(category?.slug ?? '')}` })
    if (category?.parentId) expect(crumbs).toHaveLength(4)
  })

  it('describes the variant the address names in its Offer: the price and availability the page shows', async () => {
    // Choosing a size puts `?variant=` in the address bar, so shared links and crawlers have it; the page shows that
    // variant's price, and the Offer said the product's (a price mismatch for merchant listings).
    const product = stack.api.backend.db.products.find(p => p.variants?.some(v => v.priceCents !== p.priceCents && v.stock > 0))
    if (!product) throw new Error('seed has no product with a variant priced apart')
    const variant = product.variants!.find(v => v.priceCents !== product.priceCents && v.stock > 0)!
    const { status, doc } = await page(`${productPath(product)}?variant=${variant.id}`)
    expect(status).toBe(200)
    const offers = jsonLdOfType(doc, 'Product').offers as Record<string, string>
    const shown = formatMoney({ amount: variant.priceCents, currency: 'USD' })
    expect(doc.querySelector('main')?.textContent).toContain(shown)
    expect(offers).toMatchObject({ price: (variant.priceCents / 100).toFixed(2), availability: 'https://schema.org/InStock' })
    const soldOut = product.variants!.find(v => v.stock === 0)
    if (soldOut) {
      const other = await page(`${productPath(product)}?variant=${soldOut.id}`)
      expect((jsonLdOfType(other.doc, 'Product').offers as Record<string, string>).availability).toBe('https://schema.org/OutOfStock')
    }
  })

  it('offers variants priced apart from the cheapest to the dearest until one is chosen, as the page says "From"', async () => {
    // The page showed the product's own price and the Offer said it too, though a dearer size cost more.
    const product = stack.api.backend.db.products.find(p => new Set(p.variants?.map(v => v.priceCents)).size > 1)
    if (!product) throw new Error('seed has no product with variants priced apart')
    const cents = product.variants!.map(v => v.priceCents)
    const { status, doc } = await page(productPath(product))
    expect(status).toBe(200)
    expect(doc.querySelector('main')?.textContent?.replace(/\s+/g, ' ')).toContain(`From ${formatMoney({ amount: Math.min(...cents), currency: 'USD' })}`)
    expect(jsonLdOfType(doc, 'Product').offers).toMatchObject({
      '@type': 'AggregateOffer',
      'lowPrice': (Math.min(...cents) / 100).toFixed(2),
      'highPrice': (Math.max(...cents) / 100).toFixed(2),
      'priceCurrency': 'USD',
      'offerCount': product.variants!.length,
    })
  })

  it('offers what the variants say: their one price when they share it, and in stock while any of them is', async () => {
    // A backend whose product price and stock are its own summary, not its sizes': every size sold for $3 less and the
    // page and Offer said the product's price; the AggregateOffer said OutOfStock while a size was left, InStock when none was.
    const withVariants = stack.api.backend.db.products.filter(p => (p.variants?.length ?? 0) > 1)
    const [samePrice, apartLeft, apartNone] = withVariants.slice(-3)
    if (!samePrice || !apartLeft || !apartNone) throw new Error('seed has too few products with variants')
    for (const variant of samePrice.variants!) Object.assign(variant, { priceCents: samePrice.priceCents - 300, stock: 0 })
    samePrice.variants![1]!.stock = 2
    samePrice.stock = 0
    for (const [product, left] of [[apartLeft, 3], [apartNone, 0]] as const) {
      product.variants!.forEach((variant, index) => Object.assign(variant, { priceCents: product.priceCents + index * 100, stock: index === 1 ? left : 0 }))
      product.stock = left === 0 ? 5 : 0
    }

    const same = await page(productPath(samePrice))
    const shown = formatMoney({ amount: samePrice.priceCents - 300, currency: 'USD' })
    const main = same.doc.querySelector('main')?.textContent?.replace(/\s+/g, ' ') ?? ''
    expect(main).toContain(shown)
    expect(main).not.toContain(formatMoney({ amount: samePrice.priceCents, currency: 'USD' }))
    expect(jsonLdOfType(same.doc, 'Product').offers).toMatchObject({
      '@type': 'Offer', 'price': ((samePrice.priceCents - 300) / 100).toFixed(2), 'availability': 'https://schema.org/InStock',
    })
    const availability = async (product: typeof apartLeft) => {
      const offers = jsonLdOfType((await page(productPath(product))).doc, 'Product').offers as Record<string, unknown>
      return [offers['@type'], offers.availability]
    }
    expect(await availability(apartLeft)).toEqual(['AggregateOffer', 'https://schema.org/InStock'])
    expect(await availability(apartNone)).toEqual(['AggregateOffer', 'https://schema.org/OutOfStock'])
  })

  it('keeps every parameter of a campaign link, tracking ones too, when it sends a wrong slug to the right one', async () => {
    // The shared page cache renders a guest's page under its address without tracking parameters (one copy for all
    // campaigns), so the 301 it rendered said where to go without them: analytics on the landing page lost the visit.
    const product = reviewedProduct()
    const moved = await page(`${productPath({ id: product.id, slug: 'old-slug' })}?utm_source=news%20letter&variant=2&gclid=abc`)
    expect(moved.status).toBe(301)
    const location = new URL(moved.location ?? '', stack.web.url)
    expect(location.pathname).toBe(productPath(product))
    expect(Object.fromEntries(location.searchParams)).toEqual({ utm_source: 'news letter', variant: '2', gclid: 'abc' })
  })

  it('answers 200 for the canonical URL, 301 to it for a wrong or missing slug, 404 for an unknown id', async () => {
    const product = reviewedProduct()
    const canonical = productPath(product)
    expect((await page(canonical)).status).toBe(200)

    for (const wrong of [productPath({ id: product.id, slug: 'not-the-slug' }), productPath({ id: product.id, slug: '' })]) {
      const moved = await page(wrong)
      expect(moved.status, wrong).toBe(301)
      expect(new URL(moved.location ?? '', stack.web.url).pathname).toBe(canonical)
    }

    const missing = await page(productPath({ id: 987654, slug: 'no-such-product' }))
    expect(missing.status).toBe(404)
    expect(metaContent(missing.doc, 'robots')).toContain('noindex')
    expect(missing.doc.querySelector('h1')?.textContent).toMatch(/could not find/i)
    expect(anchorUrls(missing.doc, stack.web.url)).toContain(`${stack.web.url}${PRODUCTS_PATH}`)
  })
})

describe('listing page', () => {
  it('has title, description, a canonical without sort or tracking, BreadcrumbList, ItemList and a next-page link', async () => {
    const category = stack.api.backend.db.categories.find(c => c.parentId !== null && stack.api.backend.db.products.filter(p => p.categoryId === c.id).length > 24)
      ?? stack.api.backend.db.categories.find(c => c.parentId === null)
    if (!category) throw new Error('no category')
    const path = categoryPath(category.slug)
    const { status, doc } = await page(`${path}?sort=price-asc&utm_source=newsletter`)
    expect(status).toBe(200)
    expect(doc.title).toContain(category.name)
    expect((metaContent(doc, 'description') ?? '').length).toBeGreaterThan(50)
    expect(linkHref(doc, 'canonical')).toBe(`${SITE}${path}`)
    expect(metaContent(doc, 'og:url')).toBe(`${SITE}${path}`)

    const crumbs = jsonLdOfType(doc, 'BreadcrumbList').itemListElement as Array<Record<string, unknown>>
    expect(crumbs[0]).toMatchObject({ name: 'Home' })
    expect(crumbs.at(-1)).toMatchObject({ name: category.name, item: `${SITE}${path}` })

    const items = jsonLdOfType(doc, 'ItemList').itemListElement as Array<Record<string, unknown>>
    expect(items.length).toBeGreaterThan(0)
    const productLinks = anchorUrls(doc, stack.web.url).filter(url => productIdFromPath(url) !== null).map(url => new URL(url).pathname)
    expect(items.map(item => new URL(String(item.url)).pathname)).toEqual([...new Set(productLinks)].slice(0, items.length))
  })

  it('indexes a category with one brand (self-canonical); any other filter combination is noindex, follow, without canonical', async () => {
    const { db } = stack.api.backend
    const product = db.products[0]
    if (!product) throw new Error('no branded product')
    const path = categoryPath(db.categories.find(c => c.id === product.categoryId)!.slug)
    const [brand, other] = [db.brands.find(b => b.id === product.brandId)!, db.brands.find(b => b.id !== product.brandId)!]

    const landing = await page(`${path}?brand=${brand.slug}&sort=price-asc`)
    expect(landing.status).toBe(200)
    expect(metaContent(landing.doc, 'robots')).toBeNull()
    expect(linkHref(landing.doc, 'canonical')).toBe(`${SITE}${path}?brand=${brand.slug}`)

    for (const query of [`brand=${brand.slug}&brand=${other.slug}`, `brand=${brand.slug}&min_price=0.01`, 'rating=1', 'in_stock=1', 'max_price=99999.99']) {
      const faceted = await page(`${path}?${query}`)
      expect(faceted.status, query).toBe(200)
      expect(metaContent(faceted.doc, 'robots'), query).toBe('noindex, follow')
      expect(linkHref(faceted.doc, 'canonical'), query).toBeNull()
    }
  })

  it('offers "Clear all filters" on a category page only once the shopper set a filter (the category is the page\'s)', async () => {
    const category = stack.api.backend.db.categories.find(c => c.parentId === null)!
    const clearButton = (doc: Document) => [...doc.querySelectorAll('main button')].filter(button => button.textContent?.trim() === 'Clear all filters')
    expect(clearButton((await page(categoryPath(category.slug))).doc)).toHaveLength(0)
    expect(clearButton((await page(`${categoryPath(category.slug)}?in_stock=1`)).doc)).toHaveLength(1)
  })

  it('links component pages with real <a href> so every product is one link chain away', async () => {
    const first = await page(PRODUCTS_PATH)
    const next = first.doc.querySelector('a[rel="next"]')?.getAttribute('href')
    expect(next).toMatch(/^\/products\?cursor=/)
    expect(linkHref(first.doc, 'next')).toBe(`${SITE}${next}`)
    expect(first.doc.querySelector('a[rel="prev"]')).toBeNull()

    const second = await page(next ?? '')
    expect(second.status).toBe(200)
    expect(linkHref(second.doc, 'canonical')).toBe(`${SITE}${next}`)
    const productLinks = (doc: Document) => new Set(anchorUrls(doc, stack.web.url).filter(url => productIdFromPath(url) !== null))
    const firstIds = productLinks(first.doc)
    expect([...productLinks(second.doc)].some(url => firstIds.has(url))).toBe(false)

    // "Previous" leads back to the products of the first page (the page the link to this one came from).
    const previous = second.doc.querySelector('a[rel="prev"]')?.getAttribute('href')
    expect(previous).toMatch(/^\/products(\?|$)/)
    const back = await page(previous ?? '')
    expect(back.status).toBe(200)
    expect([...productLinks(back.doc)].filter(url => firstIds.has(url)).length).toBeGreaterThan(0)

    // Both lead to the listing's path with another cursor: not the page being read, for a screen reader either.
    const pager = [...second.doc.querySelectorAll('a[rel="prev"], a[rel="next"]')]
    expect(pager).toHaveLength(2)
    for (const link of pager) expect(link.getAttribute('aria-current'), link.textContent ?? '').not.toBe('page')
  })

  it('gives the header\'s sign-in link the way back to the component page being read', async () => {
    const first = await page(PRODUCTS_PATH)
    const next = first.doc.querySelector('a[rel="next"]')?.getAttribute('href') ?? ''
    const second = await page(next)
    const signIn = [...second.doc.querySelectorAll('header a')].find(link => link.textContent?.includes('Sign in'))
    const href = new URL(signIn?.getAttribute('href') ?? '', stack.web.url)
    expect(href.pathname).toBe('/auth/login')
    expect(href.searchParams.get('redirect')).toBe(next)
  })

  it('links a page reached through "next" back to exactly the page before it, without the backend\'s previous cursor', async () => {
    const first = await page(PRODUCTS_PATH)
    const secondPath = first.doc.querySelector('a[rel="next"]')?.getAttribute('href') ?? ''
    const second = await page(secondPath)
    const thirdPath = second.doc.querySelector('a[rel="next"]')?.getAttribute('href') ?? ''
    // The next link says where it came from, so the third page knows the second without asking the backend.
    expect(new URL(thirdPath, SITE).searchParams.get('from')).toBe(new URL(secondPath, SITE).searchParams.get('cursor'))
    const third = await page(thirdPath)
    expect(third.status).toBe(200)
    expect(linkHref(third.doc, 'canonical')).toBe(`${SITE}${PRODUCTS_PATH}?${new URLSearchParams({ cursor: new URL(thirdPath, SITE).searchParams.get('cursor') ?? '' })}`)

    const previousPath = third.doc.querySelector('a[rel="prev"]')?.getAttribute('href') ?? ''
    expect(new URL(previousPath, SITE).searchParams.get('cursor')).toBe(new URL(secondPath, SITE).searchParams.get('cursor'))
    expect(linkHref(third.doc, 'prev')).toBe(`${SITE}${previousPath}`)
    const products = (doc: Document) => anchorUrls(doc, stack.web.url).filter(url => productIdFromPath(url) !== null)
    const back = await page(previousPath)
    expect(products(back.doc)).toEqual(products(second.doc))
  })

  it('answers an unknown category with a 404 that says so and leads to the categories, without an empty listing', async () => {
    const { status, doc } = await page(categoryPath('no-such-category'))
    expect(status).toBe(404)
    expect(metaContent(doc, 'robots')).toContain('noindex')
    // Named as the product's 404 is, and no canonical claiming the address as a page of its own.
    expect(doc.title).toBe('Category not found · Storefront')
    expect(linkHref(doc, 'canonical')).toBeNull()
    expect(doc.querySelector('main h1')?.textContent?.trim()).toBe('We could not find this category')
    expect([...doc.querySelectorAll('main a')].find(link => link.textContent?.includes('See all categories'))?.getAttribute('href')).toBe('/categories')
    expect(doc.querySelector('main select, main [aria-label="Filters"], main [aria-label="Results"]')).toBeNull()
  })

  it('gives the home page a title, description and canonical', async () => {
    const { status, doc } = await page(HOME_PATH)
    expect(status).toBe(200)
    expect(doc.title).toBeTruthy()
    expect((metaContent(doc, 'description') ?? '').length).toBeGreaterThan(50)
    expect(linkHref(doc, 'canonical')).toBe(`${SITE}/`)
  })
})
