import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { chromiumLaunch } from '../../e2e/support/chromium'
import { auditTree, serializedDom } from './htmlAudit'
import type { Shopper } from './shoppers'

/** What the browser saw run or get blocked, counted over every page the suite opens. */
export interface BrowserCounts {
  'full page loads': number
  'client-side navigations': number
  'dialogs': number
  'csp violations': number
  'window.__xss set': number
  'live DOM audit findings': number
}

export interface ChaosBrowser {
  page: Page
  context: BrowserContext
  counts: BrowserCounts
  /** One line per dialog, CSP violation, set flag or audit finding, with where it happened. */
  findings: string[]
  /** Every 5xx the browser received (pages and its own calls), as `status url`. */
  serverErrors: string[]
  /** A full page load, then hydration, then the live DOM audited. */
  open(path: string): Promise<void>
  /**
   * A client-side navigation (Vue Router, as a link would), settled, then the live DOM audited unless `audit` is
   * false (long loops over one page kind: dialogs, CSP violations and the flag are still counted for every page).
   */
  navigate(path: string, options?: { audit?: boolean }): Promise<void>
  /** Waits for the page's /api calls to finish, then checks the flag and (unless told not to) audits the live DOM. */
  settle(where: string, options?: { audit?: boolean }): Promise<void>
  /** A fresh profile (cookies, storage) with this shopper's cookies (signed in, or a guest with a cart), or none. */
  becomes(shopper: Shopper | null): Promise<void>
  close(): Promise<void>
}

interface NuxtRoot { __vue_app__?: { $nuxt?: { isHydrating?: boolean, $router: { push(path: string): Promise<unknown> } } } }

/**
 * Debian's headless Chromium, launched as the e2e suite launches it, one context, one page. Every payload of the
 * corpus calls alert() or sets window.__xss: a dialog or the flag means script ran. The CSP forbids inline script and handlers, so an
 * injected one that the browser refused shows up as a `securitypolicyviolation` event; both are counted.
 */
export async function startChaosBrowser(origin: string): Promise<ChaosBrowser> {
  const browser: Browser = await chromium.launch(chromiumLaunch)
  const counts: BrowserCounts = { 'full page loads': 0, 'client-side navigations': 0, 'dialogs': 0, 'csp violations': 0, 'window.__xss set': 0, 'live DOM audit findings': 0 }
  const findings: string[] = []
  const serverErrors: string[] = []
  let where = ''
  let inflight = 0
  // Who waits for the last /api call under way to end (quiet()).
  const idleWaiters: Array<() => void> = []
  // The app's data calls; images (also under /api, from the backend's media) are not waited for.
  const isApi = (url: string) => /^\/api\/(?!media\/)/.test(new URL(url).pathname)

  /** A fresh browser profile (cookies, storage): one per visitor, as two people on two devices. */
  async function newProfile(): Promise<{ context: BrowserContext, page: Page }> {
    const context = await browser.newContext()
    await context.exposeBinding('__chaosCspViolation', (_source, directive: string, blocked: string) => {
      counts['csp violations'] += 1
      findings.push(`${where}: CSP ${directive} blocked ${blocked}`)
    })
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        void (window as unknown as { __chaosCspViolation: (d: string, b: string) => Promise<void> }).__chaosCspViolation(event.violatedDirective, event.blockedURI)
      })
    })
    const page = await context.newPage()
    page.on('dialog', (dialog) => {
      counts.dialogs += 1
      findings.push(`${where}: ${dialog.type()} "${dialog.message()}"`)
      void dialog.dismiss()
    })
    inflight = 0
    page.on('request', (request) => {
      if (isApi(request.url())) inflight += 1
    })
    const done = (request: { url(): string }) => {
      if (!isApi(request.url())) return
      inflight -= 1
      if (inflight === 0) idleWaiters.splice(0).forEach(wake => wake())
    }
    page.on('requestfinished', done)
    page.on('requestfailed', done)
    page.on('response', (response) => {
      if (response.status() >= 500) serverErrors.push(`${response.status()} ${response.url()}`)
    })
    return { context, page }
  }

  const chaos = { ...await newProfile() } as ChaosBrowser

  const quiet = async () => {
    // Waits for the page's own /api calls to end (woken by the last one, up to 5 s), then two frames so their
    // answers are rendered.
    if (inflight > 0) {
      let giveUp: ReturnType<typeof setTimeout> | undefined
      await Promise.race([
        new Promise<void>(resolve => idleWaiters.push(resolve)),
        new Promise<void>((resolve) => { giveUp = setTimeout(resolve, 5_000) }),
      ])
      clearTimeout(giveUp)
    }
    // Auditing a page whose answers never arrived would pass on content that was never rendered.
    if (inflight > 0) throw new Error(`${inflight} /api call(s) still under way after 5 s: the page never settled`)
    await chaos.page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  }

  return Object.assign(chaos, {
    counts,
    findings,
    serverErrors,
    async open(path: string) {
      where = path
      await chaos.page.goto(origin + path, { waitUntil: 'load' })
      await chaos.page.waitForFunction(() => (document.querySelector('#__nuxt') as unknown as NuxtRoot | null)?.__vue_app__?.$nuxt?.isHydrating === false)
      counts['full page loads'] += 1
      await chaos.settle(path)
    },
    async navigate(path: string, options?: { audit?: boolean }) {
      where = path
      await chaos.page.evaluate(to => (document.querySelector('#__nuxt') as unknown as NuxtRoot).__vue_app__!.$nuxt!.$router.push(to), path)
      counts['client-side navigations'] += 1
      await chaos.settle(path, options)
    },
    async settle(at: string, options?: { audit?: boolean }) {
      where = at
      await quiet()
      if (await chaos.page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss !== undefined)) {
        counts['window.__xss set'] += 1
        findings.push(`${at}: window.__xss set`)
      }
      if (options?.audit === false) return
      const audit = auditTree(await chaos.page.evaluate(serializedDom))
      counts['live DOM audit findings'] += audit.length
      findings.push(...audit.map(finding => `${at}: ${finding}`))
    },
    async becomes(shopper: Shopper | null) {
      await chaos.context.close()
      Object.assign(chaos, await newProfile())
      if (shopper) await chaos.context.addCookies([...shopper.cookies].map(([name, value]) => ({ name, value, url: origin })))
    },
    close: () => browser.close(),
  })
}
