import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { createError, useNuxtApp } from '#imports'
import { arrive, focusNewPage, headWritten, pageChanging } from '~/composables/ui/pageChange'
import { ANNOUNCER_ID, currentAnnouncement } from '~/composables/ui/useAnnouncer'
import { settle } from '../../support/promises'

// What a new page does for a screen reader and the keyboard once a client-side navigation has rendered it.

function page(html: string): HTMLElement {
  document.body.innerHTML = `<header><a href="/">Storefront</a></header><main id="main">${html}</main><div id="${ANNOUNCER_ID}" role="status"></div>`
  return document.querySelector('main')!
}

afterEach(() => {
  document.body.innerHTML = ''
  document.title = ''
})

describe('focusNewPage', () => {
  it('moves a focus left on <body> to the main heading, focusable only until it loses the focus', () => {
    const main = page('<nav><a href="/">Home</a></nav><h1>Blue mug</h1><button>Add to cart</button>')
    const heading = main.querySelector('h1')!
    focusNewPage(main)
    expect(document.activeElement).toBe(heading)
    expect(heading.getAttribute('tabindex')).toBe('-1')
    main.querySelector('button')!.focus()
    expect(heading.hasAttribute('tabindex')).toBe(false)
  })

  it('moves a focus whose element left the document (the card that was followed)', () => {
    const main = page('<h1>Blue mug</h1>')
    const card = document.createElement('a')
    card.href = '/products/1-blue-mug'
    main.append(card)
    card.focus()
    card.remove()
    focusNewPage(main)
    expect(document.activeElement).toBe(main.querySelector('h1'))
  })

  it('uses <main> when the page has no main heading', () => {
    const main = page('<p>Loading failed</p>')
    focusNewPage(main)
    expect(document.activeElement).toBe(main)
    main.blur()
    expect(main.hasAttribute('tabindex')).toBe(false)
  })

  it('leaves a focus that is somewhere live alone: a header link still there, or what the page focused itself', () => {
    const main = page('<h1>Checkout</h1><h2 id="step" tabindex="-1">Delivery</h2>')
    const headerLink = document.querySelector('header a') as HTMLElement
    headerLink.focus()
    focusNewPage(main)
    expect(document.activeElement).toBe(headerLink)

    const step = document.getElementById('step')!
    step.focus()
    focusNewPage(main)
    expect(document.activeElement).toBe(step)
    expect(main.querySelector('h1')!.hasAttribute('tabindex')).toBe(false)
  })

  it('keeps a heading\'s own tabindex after the focus leaves it', () => {
    const main = page('<h1 tabindex="-1">Thank you! Your order is placed.</h1><a href="/orders">Your orders</a>')
    focusNewPage(main)
    main.querySelector('a')!.focus()
    expect(main.querySelector('h1')!.getAttribute('tabindex')).toBe('-1')
  })
})

describe('arrive', () => {
  it('says the title once the page has it in the document, then focuses the heading', async () => {
    page('<h1>Blue mug</h1>')
    document.title = 'Product · Storefront'
    let writeTitle!: () => void
    const written = new Promise<void>(resolve => (writeTitle = resolve))
    const done = arrive(() => true, () => written)
    await settle()
    expect(currentAnnouncement()).toBe('')

    document.title = 'Blue mug · Storefront'
    writeTitle()
    await done
    expect(currentAnnouncement()).toBe('Blue mug · Storefront')
    expect(document.activeElement?.textContent).toBe('Blue mug')
  })

  it('waits while the page is still loading what names it (a part marked aria-busy)', async () => {
    const main = page('<div role="status" aria-busy="true" aria-label="Loading product"></div>')
    document.title = 'Product · Storefront'
    const done = arrive(() => true, () => Promise.resolve())
    await settle()
    expect(currentAnnouncement()).toBe('')
    expect(document.activeElement).toBe(document.body)

    document.title = 'Blue mug · Storefront'
    main.innerHTML = '<article><h1>Blue mug</h1></article>'
    await done
    expect(currentAnnouncement()).toBe('Blue mug · Storefront')
    expect(document.activeElement).toBe(main.querySelector('h1'))
  })

  it('does nothing for a navigation another one has overtaken', async () => {
    page('<h1>Blue mug</h1>')
    document.title = 'Blue mug · Storefront'
    await arrive(() => false, () => Promise.resolve())
    expect(currentAnnouncement()).toBe('')
    expect(document.activeElement).toBe(document.body)
  })
})

describe('headWritten', () => {
  it('resolves at once when the head has nothing to write, else after its next render into the document', async () => {
    // unhead's hooks, as far as headWritten uses them: hook() returns its own removal.
    const rendered = new Set<() => void>()
    const hooks = { hook: (_name: string, fn: () => void) => (rendered.add(fn), () => rendered.delete(fn)) }
    const head = (dirty: boolean) => ({ dirty, hooks }) as unknown as Parameters<typeof headWritten>[0]
    await headWritten(head(false))
    expect(rendered.size).toBe(0)

    let resolved = false
    void headWritten(head(true)).then(() => (resolved = true))
    await settle()
    expect(resolved).toBe(false)
    for (const fn of [...rendered]) fn()
    await settle()
    expect(resolved).toBe(true)
    expect(rendered.size).toBe(0)
  })
})

/** What error.vue draws in place of the app. */
function errorPage(): void {
  document.body.innerHTML = `<main id="main" data-error-page><h1>We could not find this page</h1></main><div id="${ANNOUNCER_ID}" role="status"></div>`
}

describe('pageChanging', () => {
  it('waits for error.vue, a lazy component, to replace the page that was left before saying and focusing it', async () => {
    const nuxtApp = useNuxtApp()
    page('<h1>All products</h1>')
    document.title = 'All products · Storefront'
    const run = pageChanging(nuxtApp, nuxtApp.$router.currentRoute.value.path)
    nuxtApp.payload.error = createError({ status: 404 })
    try {
      // page:loading:end may come too, before error.vue's code has loaded: nothing is said on the old page.
      run()
      await nextTick()
      await settle()
      expect(currentAnnouncement()).toBe('')
      expect(document.activeElement).toBe(document.body)

      errorPage()
      document.title = 'We could not find this page · Storefront'
      await expect.poll(currentAnnouncement).toBe('We could not find this page · Storefront')
      expect(document.activeElement?.textContent).toBe('We could not find this page')
    }
    finally {
      nuxtApp.payload.error = undefined
    }
  })

  it('runs for the error page when the navigation ends there (no page:loading:end comes), and only once', async () => {
    const nuxtApp = useNuxtApp()
    const run = pageChanging(nuxtApp, nuxtApp.$router.currentRoute.value.path)
    errorPage()
    document.title = 'We could not find this page · Storefront'
    nuxtApp.payload.error = createError({ status: 404 })
    try {
      await expect.poll(currentAnnouncement).toBe('We could not find this page · Storefront')
      expect(document.activeElement?.textContent).toBe('We could not find this page')
      // page:loading:end of a later render calls it too: nothing is said twice.
      document.getElementById(ANNOUNCER_ID)!.replaceChildren()
      run()
      await nextTick()
      await settle()
      expect(currentAnnouncement()).toBe('')
    }
    finally {
      nuxtApp.payload.error = undefined
    }
  })
})
