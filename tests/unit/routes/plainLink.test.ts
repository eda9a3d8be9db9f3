import { describe, expect, it } from 'vitest'
import { createSSRApp, defineComponent, h, type PropType } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { createMemoryHistory, createRouter, RouterLink, stringifyQuery } from 'vue-router'
import { mayBeActive, plainLinkAttributes } from '~/utils/routes/plainLink'

// The server writes some app links itself instead of through NuxtLink (components/ui/UiLink.ts): the HTML must be
// the one NuxtLink writes, or hydration would take over different markup.

const Page = defineComponent({ render: () => null })
const routes = ['/', '/products', '/products/:product', '/categories', '/categories/:slug'].map(path => ({ path, component: Page }))

/** What NuxtLink renders for an internal link: RouterLink with these props, its other attributes passed on. */
const NuxtLinkLike = defineComponent({
  props: {
    to: { type: [String, Object] as PropType<string | Record<string, unknown>>, required: true },
    rel: { type: String as PropType<string | undefined>, default: undefined },
    prefetch: { type: Boolean, default: undefined },
    noPrefetch: { type: Boolean, default: undefined },
  },
  setup(props, { slots }) {
    return () => h(RouterLink, { to: props.to, activeClass: undefined, exactActiveClass: undefined, replace: undefined, ariaCurrentValue: undefined, custom: undefined, rel: props.rel || undefined }, slots.default)
  },
})

async function render(current: string, link: (router: ReturnType<typeof createRouter>) => ReturnType<typeof h>): Promise<string> {
  const router = createRouter({ history: createMemoryHistory(), routes })
  const app = createSSRApp({ render: () => link(router) })
  app.use(router)
  await router.push(current)
  await router.isReady()
  return renderToString(app)
}

async function both(current: string, attrs: Record<string, unknown>): Promise<{ nuxt: string, plain: string | null }> {
  const nuxt = await render(current, () => h(NuxtLinkLike, attrs as { to: string }, { default: () => 'A link' }))
  let plain: string | null = null
  await render(current, (router) => {
    const attributes = plainLinkAttributes(attrs, router.currentRoute.value.path, path => router.options.history.createHref(path), stringifyQuery)
    return attributes ? h('a', attributes, 'A link') : h('span')
  }).then((html) => {
    plain = html === '<span></span>' ? null : html
  })
  return { nuxt, plain }
}

describe('plainLinkAttributes', () => {
  it('writes the same <a> as NuxtLink for a link that is not the current page', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['/products', { to: '/products/7-red-chair', class: 'after:absolute after:inset-0' }],
      ['/products', { 'to': '/categories/shoes', 'class': ['text-gray-700', { 'font-semibold': false }], 'aria-current': undefined }],
      ['/categories/shoes', { to: '/products', class: 'header-link' }],
      ['/products', { 'to': '/categories', 'rel': 'next', 'class': 'x', 'data-test': 'y', 'aria-label': 'All categories' }],
      ['/categories/shoes', { to: '/products/8-blue-mug', prefetch: false, noPrefetch: true }],
      ['/products', { to: { path: '/categories/shoes', query: {} }, class: 'text-gray-700' }],
    ]
    for (const [current, attrs] of cases) {
      const { nuxt, plain } = await both(current, attrs)
      expect(plain, `${current} -> ${JSON.stringify(attrs.to)}`).toBe(nuxt)
    }
  })

  it('writes a query object into the href as vue-router does', async () => {
    const cases: [string, Record<string, unknown>][] = [
      // The header's sign-in link on every page: back to where the shopper was, query and all.
      ['/products', { to: { path: '/auth/login', query: { redirect: '/products?brand=acme&sort=-price#top' } }, class: 'header-action' }],
      ['/products/7-red-chair', { to: { path: '/auth/login', query: { redirect: '/search?q=caf\u00e9 & cr\u00e8me+50%' } } }],
      // A listing's category links keep its filters.
      ['/products', { to: { path: '/categories/shoes', query: { brand: ['acme', 'b&o'], in_stock: '1', empty: '', flag: null, gone: undefined } }, class: 'text-gray-700' }],
      ['/categories/shoes', { to: { path: '/products', query: { 'odd key=&': 'a/b?c', 'sort': '-price' } } }],
    ]
    for (const [current, attrs] of cases) {
      const { nuxt, plain } = await both(current, attrs)
      expect(plain, `${current} -> ${JSON.stringify(attrs.to)}`).not.toBeNull()
      expect(plain, `${current} -> ${JSON.stringify(attrs.to)}`).toBe(nuxt)
    }
  })

  it('leaves to NuxtLink a link with a query to the page shown: RouterLink marks it active whatever its query', () => {
    expect(plainLinkAttributes({ to: { path: '/products', query: { cursor: 'abc' } } }, '/products', path => path, stringifyQuery)).toBeNull()
  })

  it('leaves to NuxtLink a link that may be active, so its active classes and aria-current stay', async () => {
    for (const [current, to] of [['/products', '/products'], ['/products/', '/products'], ['/Products', '/products'], ['/categories/sh%6Fes', '/categories/shoes'], ['/products/7-red-chair', '/'], ['/categories/shoes', '/categories']]) {
      expect(plainLinkAttributes({ to }, current!, path => path, stringifyQuery), `${current} -> ${to}`).toBeNull()
    }
    // What NuxtLink writes there, for the record: RouterLink's classes.
    expect((await both('/products', { to: '/products' })).nuxt).toContain('router-link-active')
  })

  it('leaves to NuxtLink what vue-router may write differently and what NuxtLink options change', () => {
    const none = (attrs: Record<string, unknown>) => plainLinkAttributes(attrs, '/products', path => path, stringifyQuery)
    expect(none({ to: '/products?sort=price' })).toBeNull()
    expect(none({ to: '/categories#top' })).toBeNull()
    expect(none({ to: '/categories/home%20garden' })).toBeNull()
    expect(none({ to: '//evil.example/x' })).toBeNull()
    expect(none({ to: 'https://example.com/' })).toBeNull()
    expect(none({ to: { path: '/categories', query: { page: 2 } } })).toBeNull()
    expect(none({ to: { path: '/categories', query: [] } })).toBeNull()
    expect(none({ to: { path: '/categories', query: 'sort=price' } })).toBeNull()
    expect(none({ to: { path: '/categories', hash: '#top' } })).toBeNull()
    expect(none({ to: { name: 'categories' } })).toBeNull()
    expect(none({ to: '/categories', target: '_blank' })).toBeNull()
    expect(none({ 'to': '/categories', 'active-class': 'on' })).toBeNull()
    expect(none({ to: '/categories', external: true })).toBeNull()
    expect(none({ to: '/categories' })).toEqual({ 'aria-current': undefined, 'href': '/categories', 'class': undefined, 'rel': undefined })
  })

  it('puts the router base in front of the path', () => {
    expect(plainLinkAttributes({ to: '/categories' }, '/products', path => `/shop${path}`, stringifyQuery)?.href).toBe('/shop/categories')
  })
})

describe('mayBeActive', () => {
  it('matches the way the router does: case, trailing slash, escapes, parents', () => {
    expect(mayBeActive('/products', '/products')).toBe(true)
    expect(mayBeActive('/products', '/PRODUCTS/')).toBe(true)
    expect(mayBeActive('/products', '/products/7-red-chair')).toBe(true)
    expect(mayBeActive('/', '/anything')).toBe(true)
    expect(mayBeActive('/products/7-red-chair', '/products')).toBe(false)
    expect(mayBeActive('/categories/shoe', '/categories/shoes')).toBe(false)
    expect(mayBeActive('/categories', '/categories%ZZ')).toBe(false)
  })
})
