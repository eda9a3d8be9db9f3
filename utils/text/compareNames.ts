// Orders names for lists the server renders and the browser hydrates (brands in the filter panel, popular
// categories). String.prototype.localeCompare would load the engine's collation data the first time a page calls
// it: 16-62 ms of a phone's main thread (4x CPU throttling, Chromium), inside the filter panel's hydration (issue
// 21). It also depends on each side's ICU data, so Node and a browser could order two names differently and
// hydration would not match. This is the same everywhere: case and accents folded first ("émile" with "Emile",
// before "Zeta"), then the exact text, so equal keys still have one order.
const MARKS = /[\u0300-\u036f]/g

function foldKey(name: string): string {
  return name.normalize('NFD').replace(MARKS, '').toLowerCase()
}

export function compareNames(a: string, b: string): number {
  const left = foldKey(a)
  const right = foldKey(b)
  if (left !== right) return left < right ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}
