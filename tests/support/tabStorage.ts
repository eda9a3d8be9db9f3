import { vi } from 'vitest'

/**
 * A tab's sessionStorage as a Map: what outlives a full page load (a new app, new stores) and what a test reads
 * back. Undo with `vi.unstubAllGlobals()`.
 */
export function stubTabStorage(): Map<string, string> {
  const tab = new Map<string, string>()
  vi.stubGlobal('sessionStorage', mapStorage(tab))
  return tab
}

/** A Storage over `entries` (the test keeps and reads the Map). */
export function mapStorage(entries: Map<string, string>): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  return {
    getItem: (key: string) => entries.get(key) ?? null,
    setItem: (key: string, value: string) => void entries.set(key, value),
    removeItem: (key: string) => void entries.delete(key),
  }
}

/**
 * A page's `window` for store tests without a DOM: its localStorage over `entries`, and the page's events
 * (`pagehide`, `pageshow`) for the test to dispatch. Stub it with `vi.stubGlobal('window', pageWindow(entries))`.
 */
export function pageWindow(entries: Map<string, string>): EventTarget & { localStorage: ReturnType<typeof mapStorage> } {
  return Object.assign(new EventTarget(), { localStorage: mapStorage(entries) })
}
