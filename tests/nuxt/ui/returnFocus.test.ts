import { afterEach, describe, expect, it, vi } from 'vitest'
import type { RouteLocationNormalized } from 'vue-router'
import { arrive } from '~/composables/ui/pageChange'
import { describeFocus, findSpot, rememberFocus, spotToReturnTo, whenSpotDrawn } from '~/composables/ui/returnFocus'
import { ANNOUNCER_ID, currentAnnouncement } from '~/composables/ui/useAnnouncer'
import { settle } from '../../support/promises'

// Back/forward to a page puts the focus back on the element the shopper left it from, found again by what its history
// entry remembers (history.state), or starts it at the heading as for any new page.

const cards = ['/products/1-blue-mug', '/products/2-red-mug', '/products/3-green-mug']
  .map(href => `<div role="listitem"><h2><a href="${href}">${href}</a></h2><button>Add to cart</button></div>`).join('')

function page(html: string): HTMLElement {
  document.body.innerHTML = `<header><a href="/products">All products</a></header><main>${html}</main><div id="${ANNOUNCER_ID}" role="status"></div>`
  return document.querySelector('main')!
}

const startState = history.state as unknown

/** The history entry as vue-router writes it (current, position), plus what the app keeps in it. */
function entry(state: Record<string, unknown>): void {
  history.replaceState({ current: '/products', position: 3, ...state }, '')
}

const route = (path: string, query = ''): RouteLocationNormalized => ({ path, fullPath: path + query }) as RouteLocationNormalized

afterEach(() => {
  vi.restoreAllMocks()
  vi.useRealTimers()
  document.body.innerHTML = ''
  document.title = ''
  history.replaceState(startState, '')
})

describe('describeFocus', () => {
  it('names a link in <main> by its href and anything with an id by its id, with the page it is on', () => {
    const main = page(`${cards}<button id="load-more">Load more</button>`)
    expect(describeFocus(main.querySelector('a'), '/products')).toEqual({ path: '/products', href: '/products/1-blue-mug' })
    expect(describeFocus(document.getElementById('load-more'), '/products')).toEqual({ path: '/products', id: 'load-more' })
  })

  it('names nothing outside <main> (the header stays on every page), <main> itself, or what it cannot find again', () => {
    const main = page(cards)
    expect(describeFocus(document.querySelector('header a'), '/products')).toBeNull()
    expect(describeFocus(main, '/products')).toBeNull()
    expect(describeFocus(document.body, '/products')).toBeNull()
    expect(describeFocus(main.querySelector('button'), '/products')).toBeNull()
    expect(describeFocus(null, '/products')).toBeNull()
  })
})

describe('findSpot', () => {
  it('finds the link by its href, or the element by its id, only inside <main>', () => {
    const main = page(`${cards}<button id="load-more">Load more</button>`)
    expect(findSpot(main, { path: '/products', href: '/products/2-red-mug' })?.textContent).toBe('/products/2-red-mug')
    expect(findSpot(main, { path: '/products', id: 'load-more' })).toBe(document.getElementById('load-more'))
    expect(findSpot(main, { path: '/products', href: '/products/9-gone' })).toBeNull()
    document.querySelector('header a')!.id = 'all'
    expect(findSpot(main, { path: '/products', id: 'all' })).toBeNull()
    expect(findSpot(main, { path: '/products', href: '/products' })).toBeNull()
  })
})

describe('rememberFocus', () => {
  it('keeps in the entry being left which element had the focus, with vue-router\'s own keys', () => {
    const main = page(cards)
    entry({ scroll: { left: 0, top: 900 } })
    main.querySelectorAll('a')[1]!.focus()
    rememberFocus(route('/products/2-red-mug'), route('/products'))
    expect(history.state).toEqual({
      current: '/products',
      position: 3,
      scroll: { left: 0, top: 900 },
      leftFocus: { path: '/products', href: '/products/2-red-mug' },
    })
    expect(spotToReturnTo('/products')).toEqual({ path: '/products', href: '/products/2-red-mug' })
  })

  it('finds the entry of the page being left after the listing wrote its ?cursor= in the address bar', () => {
    const main = page(cards)
    entry({ current: '/products?cursor=abc' })
    main.querySelectorAll('a')[2]!.focus()
    rememberFocus(route('/products/3-green-mug'), route('/products'))
    expect(spotToReturnTo('/products')).toEqual({ path: '/products', href: '/products/3-green-mug' })
  })

  it('forgets an older element when the page is left with the focus on nothing it can find again', () => {
    page(cards)
    entry({ leftFocus: { path: '/products', href: '/products/1-blue-mug' } })
    rememberFocus(route('/products/2-red-mug'), route('/products'))
    expect(spotToReturnTo('/products')).toBeNull()
  })

  it('writes nothing on back/forward (the entry is already the other page\'s) or for a change of the query only', () => {
    const main = page(cards)
    main.querySelector('a')!.focus()
    entry({ current: '/products/2-red-mug', position: 2 })
    rememberFocus(route('/products/2-red-mug'), route('/products'))
    expect(history.state).toEqual({ current: '/products/2-red-mug', position: 2 })

    entry({})
    rememberFocus(route('/products', '?in_stock=true'), route('/products'))
    expect(history.state).toEqual({ current: '/products', position: 3 })
  })

  it('loses only the remembering when the browser refuses the history write (the navigation goes on)', () => {
    const main = page(cards)
    entry({})
    main.querySelector('a')!.focus()
    vi.spyOn(history, 'replaceState').mockImplementation(() => {
      throw new DOMException('Attempt to use history.replaceState() more than 100 times per 30 seconds', 'SecurityError')
    })
    expect(() => rememberFocus(route('/products/1-blue-mug'), route('/products'))).not.toThrow()
    expect(spotToReturnTo('/products')).toBeNull()
  })
})

describe('spotToReturnTo', () => {
  it('is nothing for an entry that remembers nothing, or remembers a page at another path (a replaced entry)', () => {
    entry({})
    expect(spotToReturnTo('/products')).toBeNull()
    entry({ leftFocus: { path: '/sign-in', id: 'email' } })
    expect(spotToReturnTo('/account')).toBeNull()
  })
})

describe('whenSpotDrawn', () => {
  it('waits for frames until a virtualized card is drawn, and gives up after about half a second', async () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] })
    const main = page('<div role="list"></div>')
    let found: HTMLElement | null | undefined
    void whenSpotDrawn(main, { path: '/products', href: '/products/2-red-mug' }).then(el => (found = el))
    vi.advanceTimersToNextFrame()
    await settle()
    expect(found).toBeUndefined()
    main.querySelector('[role="list"]')!.innerHTML = cards
    vi.advanceTimersToNextFrame()
    await settle()
    expect(found).toBe(main.querySelectorAll('a')[1])

    let missing: HTMLElement | null | undefined
    void whenSpotDrawn(main, { path: '/products', href: '/products/9-gone' }).then(el => (missing = el))
    for (let frame = 0; frame < 29; frame++) vi.advanceTimersToNextFrame()
    await settle()
    expect(missing).toBeUndefined()
    vi.advanceTimersToNextFrame()
    await settle()
    expect(missing).toBeNull()
  })
})

describe('arrive, back/forward to a page that remembers an element', () => {
  it('says the title, then puts the focus back on the element, not on the heading', async () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] })
    const main = page(`<h1>All products</h1><div role="list">${cards}</div>`)
    document.title = 'All products · Storefront'
    const focus = vi.spyOn(HTMLElement.prototype, 'focus')
    const done = arrive(() => true, () => Promise.resolve(), { path: '/products', href: '/products/3-green-mug' })
    await settle()
    expect(currentAnnouncement()).toBe('All products · Storefront')
    vi.advanceTimersToNextFrame()
    await done
    const link = main.querySelectorAll('a')[2]!
    expect(document.activeElement).toBe(link)
    // In view already, where the router has put the page back: focusing does not scroll. Ringed, whatever the last
    // input was: the shopper may have gone back with the mouse and go on with the keyboard.
    expect(focus).toHaveBeenCalledWith({ preventScroll: true, focusVisible: true })
    expect(main.querySelector('h1')!.hasAttribute('tabindex')).toBe(false)
  })

  it('starts at the heading when the element is not on the page (out of the drawn range, or the list changed)', async () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] })
    const main = page(`<h1>All products</h1><div role="list">${cards}</div>`)
    const done = arrive(() => true, () => Promise.resolve(), { path: '/products', href: '/products/9-gone' })
    await settle()
    for (let frame = 0; frame < 30; frame++) vi.advanceTimersToNextFrame()
    await done
    expect(document.activeElement).toBe(main.querySelector('h1'))
  })

  it('does nothing if another navigation came while the element was awaited', async () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] })
    const main = page(`<h1>All products</h1><div role="list"></div>`)
    let current = true
    const done = arrive(() => current, () => Promise.resolve(), { path: '/products', href: '/products/1-blue-mug' })
    await settle()
    current = false
    main.querySelector('[role="list"]')!.innerHTML = cards
    vi.advanceTimersToNextFrame()
    await done
    expect(document.activeElement).toBe(document.body)
  })
})
