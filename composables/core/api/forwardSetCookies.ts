import type { ApiHooks } from './types'

/**
 * During SSR the BFF's auth routes run in-process and their Set-Cookie (the rotated refresh cookie) would be lost
 * with the internal response. This hook appends each cookie to the page response so the browser gets it.
 * `getSetCookie()` keeps cookies apart; splitting a joined header on commas would break their Expires dates.
 */
export function forwardSetCookies(append: (cookie: string) => void, isForwarded = (path: string) => path.startsWith('/auth/')): ApiHooks {
  return {
    onResponse({ path, headers }) {
      if (!isForwarded(path)) return
      for (const cookie of headers.getSetCookie()) append(cookie)
    },
  }
}
