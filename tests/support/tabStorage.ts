import { vi } from 'vitest'

/**
 * A tab's sessionStorage as a Map: what outlives a full page load (a new app, new stores) and what a test reads
 * back. Undo with `vi.unstubAllGlobals()`.
 */
export function stubTabStorage(): Map<string, string> {
  const tab = new Map<string, string>()
  vi.stubGlobal('sessionStorage', {
    getItem: (key: string) => tab.get(key) ?? null,
    setItem: (key: string, value: string) => void tab.set(key, value),
    removeItem: (key: string) => void tab.delete(key),
  })
  return tab
}
