import type { Locator, Page, Route } from '@playwright/test'

interface NuxtRoot { __vue_app__?: { $nuxt?: { isHydrating?: boolean } } }

/** Resolves once Nuxt has mounted and finished hydrating the server HTML. */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const root = document.querySelector('#__nuxt') as unknown as NuxtRoot | null
    return root?.__vue_app__?.$nuxt?.isHydrating === false
  })
}

/**
 * Resolves once Vue has attached its event listeners to the element: how a lazily hydrated component
 * (`hydrate-on-idle`) is seen to have hydrated, since its server HTML looks the same before and after.
 */
export async function waitForListeners(locator: Locator): Promise<void> {
  await locator.evaluate(el => new Promise<void>((resolve) => {
    // Vue keeps an element's listeners under a symbol described "_vei" (vue event invokers).
    const hasListeners = () => Object.getOwnPropertySymbols(el).some(symbol => symbol.description === '_vei')
    const check = () => (hasListeners() ? resolve() : requestAnimationFrame(check))
    check()
  }))
}

/**
 * Holds back every app script until release(): the server HTML is live and nothing has hydrated, so a test can
 * act on the page "before hydration" for certain instead of racing it. Call before page.goto.
 */
export async function holdScripts(page: Page): Promise<{ held: () => number, release: () => Promise<void> }> {
  const held: Array<() => Promise<void>> = []
  let holding = true
  await page.route(url => url.pathname.startsWith('/_nuxt/') && url.pathname.endsWith('.js'), async (route) => {
    if (holding) held.push(() => route.continue())
    else await route.continue()
  })
  return {
    held: () => held.length,
    release: async () => {
      holding = false
      await Promise.all(held.map(continueRoute => continueRoute()))
    },
  }
}

/**
 * The chunk from the server, asked twice if the first connection was reset: Playwright's client may reuse a
 * keep-alive connection at the moment the server closes it as idle (a busy two-worker run met `read ECONNRESET`).
 * A script is a GET of a static file: asking again is safe.
 */
async function fetchChunk(route: Route): Promise<Awaited<ReturnType<Route['fetch']>>> {
  try {
    return await route.fetch()
  }
  catch (error) {
    if (!/ECONNRESET|socket hang up/.test(String(error))) throw error
    return route.fetch()
  }
}

/**
 * Holds back the lazily loaded chunk of one component (its script setup's `__name`, which the build keeps) until
 * release(): the page around it hydrates, that part stays server HTML for as long as a test needs. Call before
 * page.goto.
 */
export function holdComponent(page: Page, name: string): Promise<{ held: () => number, release: () => Promise<void> }> {
  return holdChunk(page, `__name:"${name}"`)
}

/**
 * Holds back every app chunk whose code contains `marker` (a string the build keeps) until release(). pass(): later
 * requests for it are served, while the ones held stay unanswered (for a page the test leaves with them).
 */
export async function holdChunk(page: Page, marker: string): Promise<{ held: () => number, release: () => Promise<void>, pass: () => void }> {
  const held: Array<() => Promise<void>> = []
  let holding = true
  const scripts = (url: URL) => url.pathname.startsWith('/_nuxt/') && url.pathname.endsWith('.js')
  const handler = async (route: Route) => {
    try {
      const response = await fetchChunk(route)
      const body = await response.text()
      if (holding && body.includes(marker)) held.push(() => route.fulfill({ response, body }))
      else await route.fulfill({ response, body })
    }
    catch (error) {
      // A chunk the page was still fetching when the test ended and closed it: nothing of the test's.
      if (page.isClosed()) return
      // After release, unroute makes Playwright send the chunks still in this handler on to the server itself
      // (the page gets them from the network), so this handler's own fulfil finds them handled: CI met it once.
      if (!holding && /Route is already handled/.test(String(error))) return
      throw error
    }
  }
  await page.route(scripts, handler)
  return {
    held: () => held.length,
    pass: () => {
      holding = false
    },
    release: async () => {
      holding = false
      await Promise.all(held.map(fulfil => fulfil()))
      // Later chunks go straight to the server: none is in a callback of this test's when the page closes.
      await page.unroute(scripts, handler)
    },
  }
}

/**
 * Resolves once the early-tap keeper (server/utils/html/beforeHydration.ts) has replayed a kept tap and its
 * handlers have run: what a test asserts after that is the replay's outcome, not a moment before it. Call before the
 * part hydrates (e.g. before releasing its held code).
 */
export async function whenReplayed(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(() => {
    const w = window as unknown as { __replayed?: Promise<void> }
    w.__replayed = new Promise<void>((resolve) => {
      document.addEventListener('click', (event) => {
        if ((event.target as Element | null)?.closest('[data-early-replay]')) setTimeout(resolve)
      }, true)
    })
  })
  return () => page.evaluate(() => (window as unknown as { __replayed?: Promise<void> }).__replayed)
}
