// `sf_cart=1`: the one cart cookie scripts can read (docs/cart.md). It says only that the last cart this browser
// was answered with had a line: no token, no count. A stale one costs one request, whose answer clears it.
const MARKER = /(?:^|;\s*)sf_cart=1(?:;|$)/

/** Browser only: whether this browser may have a cart worth asking the backend for. */
export function hasCartMarker(cookie: string = typeof document === 'undefined' ? '' : document.cookie): boolean {
  return MARKER.test(cookie)
}
