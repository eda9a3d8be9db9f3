import { vi } from 'vitest'
import { ANNOUNCER_ID } from '~/composables/ui/useAnnouncer'

/**
 * Everything the app's polite live region says from now on, in order (what a screen reader hears), including a
 * sentence said twice. Makes the region when the test has none; `vi.restoreAllMocks()` stops listening.
 */
export function hearAnnouncements(): string[] {
  let region = document.getElementById(ANNOUNCER_ID)
  if (!region) {
    region = document.createElement('div')
    region.id = ANNOUNCER_ID
    document.body.append(region)
  }
  const heard: string[] = []
  vi.spyOn(region, 'replaceChildren').mockImplementation((...nodes) => {
    heard.push(nodes.map(node => (typeof node === 'string' ? node : node.textContent)).join(''))
  })
  return heard
}
