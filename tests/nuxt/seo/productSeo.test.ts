import { describe, expect, it, vi } from 'vitest'
import { nextTick, shallowRef } from 'vue'
import { useRouter } from '#imports'
import { useProductSeo } from '~/composables/seo/useProductSeo'
import { useProductStatus } from '~/composables/seo/useProductStatus'
import type { ProductDetail } from '~/services/domain/product'
import { toProductDetail } from '~/services/mappers/product'
import { productPath } from '~/utils/routes/paths'
import { absoluteUrl } from '~/utils/routes/siteUrl'
import { seed } from '../../support/fixtures'
import { renderedHead } from '../../support/head'
import { mountComposable } from '../../support/nuxt'

const SITE = 'http://localhost:3000'
const detail = (id: number): ProductDetail => toProductDetail(seed.detailDto(id), html => html)

describe('useProductSeo', () => {
  it('names the product and its canonical in the browser', async () => {
    const product = detail(4)
    const trail = [{ slug: 'home', name: 'Home & kitchen' }, { slug: product.category.slug, name: product.category.name }]
    await mountComposable(() => useProductSeo({ product, categoryTrail: trail, notFound: false }), { route: productPath(product) })
    const head = await renderedHead(h => h.link('canonical') !== null)
    const url = absoluteUrl(SITE, productPath(product))
    expect(head.title).toBe(`${product.title} · Storefront`)
    expect(head.link('canonical')).toBe(url)
    expect(head.meta('robots')).toBeNull()
    // Its description, Open Graph, JSON-LD Product and breadcrumb are the server's (tests/integration/seo/pageMetadata.test.ts).
  })

  it('keeps an unknown product out of the index, with no canonical', async () => {
    await mountComposable(() => useProductSeo({ product: null, categoryTrail: [], notFound: true }), { route: productPath({ id: 987654, slug: 'gone' }) })
    const head = await renderedHead(h => h.title === 'Product not found · Storefront')
    expect(head.meta('robots')).toBe('noindex, follow')
    expect(head.link('canonical')).toBeNull()
  })

  it('never says "not found" while a product loads or could not be loaded, nor keeps it out of the index', async () => {
    await mountComposable(() => useProductSeo({ product: null, categoryTrail: [], notFound: false }), { route: productPath({ id: 5, slug: 'x' }) })
    const head = await renderedHead(h => h.title === 'Product · Storefront')
    expect(head.meta('robots')).toBeNull()
  })
})

describe('useProductStatus (browser)', () => {
  it('replaces a wrong slug with the canonical path once the product is known, keeping query and hash', async () => {
    const product = detail(4)
    const loaded = shallowRef<ProductDetail | null>(null)
    const wrong = `${productPath({ id: product.id, slug: 'old-name' })}?variant=2#reviews`
    await mountComposable(() => useProductStatus({ id: product.id, segment: `${product.id}-old-name`, product: loaded }), { route: wrong })
    const router = useRouter()
    const replace = vi.spyOn(router, 'replace')
    loaded.value = product
    await nextTick()
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe(productPath(product)))
    expect(router.currentRoute.value.query).toEqual({ variant: '2' })
    expect(router.currentRoute.value.hash).toBe('#reviews')
    expect(replace).toHaveBeenCalled()
  })
})
