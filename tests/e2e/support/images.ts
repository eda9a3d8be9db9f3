import type { Page } from '@playwright/test'

/**
 * Product images are not fetched on this page from now on: Chromium refuses them before the network (DevTools'
 * request blocking, no round trip through the test worker), and each <img> keeps its reserved size. For tests of
 * what a list does (every product once, the DOM bounded, pages loading by themselves) over thousands of cards:
 * there, loading and drawing the demo's SVG images was half the browser's work (measured on this machine,
 * 2026-11-28, the three tests that use this: 111 -> 59 s). bench/catalog measures a shopper's scrolling with images.
 */
export async function withoutProductImages(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setBlockedURLs', { urls: ['*/media/products/*'] })
}
