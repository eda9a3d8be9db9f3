import type { Page } from '@playwright/test'

/**
 * Resolves once no short CSS animation or transition is running. axe measures colours as painted: a toast
 * fading in is, for a moment, lighter than it will be, and its text fails contrast only in that moment. Long or
 * endless ones (a toast's 5 s timeout bar, a loading pulse) are not waited for.
 */
export async function animationsSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((animation) => {
    const timing = animation.effect?.getComputedTiming()
    return animation.playState !== 'running' || !timing || Number(timing.endTime) > 1000
  }))
}
