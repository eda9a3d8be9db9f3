import type { Page } from '@playwright/test'

interface NuxtRoot { __vue_app__?: { $nuxt?: { isHydrating?: boolean } } }

/** Resolves once Nuxt has mounted and finished hydrating the server HTML. */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const root = document.querySelector('#__nuxt') as unknown as NuxtRoot | null
    return root?.__vue_app__?.$nuxt?.isHydrating === false
  })
}
