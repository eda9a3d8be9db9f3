import { camelize, normalizeClass } from 'vue'

// What a server render may write for an app link without NuxtLink and RouterLink (components/ui/UiLink.ts).

/** Paths whose href vue-router writes exactly as given: unreserved characters only, no query or hash. */
const PLAIN_PATH = /^\/(?!\/)[\w\-.~/]*$/
/** NuxtLink props that change nothing in the server's HTML. */
const CLIENT_ONLY = new Set(['prefetch', 'prefetchOn', 'noPrefetch', 'prefetchedClass', 'replace'])
/** NuxtLink's other props: a link that sets any of them is left to NuxtLink. */
const NUXT_LINK_OPTIONS = new Set(['href', 'target', 'external', 'custom', 'activeClass', 'exactActiveClass', 'ariaCurrentValue', 'trailingSlash', 'noRel'])
/** Written by name below, in RouterLink's order. */
const PLACED = new Set(['to', 'class', 'rel', 'aria-current'])

/** vue-router's `stringifyURL`: the query after a `?` when there is one. */
function withQuery(path: string, query: string): string {
  return query ? `${path}?${query}` : path
}

function comparable(path: string): string {
  let decoded = path
  try {
    decoded = decodeURIComponent(path)
  }
  catch { /* a malformed escape: compared as it is */ }
  return decoded.toLowerCase().replace(/\/+$/, '') || '/'
}

type PlainQuery = Record<string, string | null | undefined | (string | null | undefined)[]>

/** Writes a query as vue-router does into an href (its `stringifyQuery`). */
export type QueryWriter = (query: PlainQuery) => string

/** Query values vue-router writes as given through `stringifyQuery` (numbers and other types are left to it). */
function plainQuery(query: unknown): PlainQuery | undefined {
  if (query === undefined) return {}
  if (query === null || typeof query !== 'object' || Array.isArray(query)) return undefined
  const plainValue = (value: unknown) => typeof value === 'string' || value === null || value === undefined
  for (const value of Object.values(query)) {
    if (!(plainValue(value) || (Array.isArray(value) && value.every(plainValue)))) return undefined
  }
  return query as PlainQuery
}

/** The path and query of a `to` that is only those: a string path, or `{ path, query }` with nothing else. */
function locationOf(to: unknown): { path: string, query: PlainQuery } | undefined {
  if (typeof to === 'string') return { path: to, query: {} }
  if (to === null || typeof to !== 'object') return undefined
  const { path, query, ...other } = to as Record<string, unknown>
  const plain = plainQuery(query)
  return typeof path === 'string' && plain && Object.keys(other).length === 0 ? { path, query: plain } : undefined
}

/**
 * Whether RouterLink could mark a link to `path` active while `current` is shown: the same path (the router matches
 * case-insensitively, with or without a trailing slash, escapes decoded) or a parent of it (a nested route).
 */
export function mayBeActive(path: string, current: string): boolean {
  const link = comparable(path)
  const here = comparable(current)
  return here === link || here.startsWith(link === '/' ? '/' : `${link}/`)
}

/**
 * The attributes of the `<a>` NuxtLink renders for these attributes (its props and the ones it passes on), when it
 * renders an internal link that cannot be active; null when NuxtLink itself must render it: a `to` that is not a
 * plain path, with or without a query object (a query in a string, a hash, escapes, named routes: vue-router may write its href
 * differently), one of NuxtLink's options, or a path that may be the current route (RouterLink adds its active classes
 * and aria-current; it compares paths, not queries). `createHref` is the router history's (the app's base URL in
 * front); `writeQuery` the router's `stringifyQuery`, so the href's query is vue-router's own.
 */
export function plainLinkAttributes(attrs: Readonly<Record<string, unknown>>, currentPath: string, createHref: (path: string) => string, writeQuery: QueryWriter): Record<string, unknown> | null {
  const to = locationOf(attrs.to)
  if (to === undefined || !PLAIN_PATH.test(to.path) || mayBeActive(to.path, currentPath)) return null
  const rest: Record<string, unknown> = {}
  for (const name of Object.keys(attrs)) {
    const prop = camelize(name)
    if (NUXT_LINK_OPTIONS.has(prop)) return null
    if (!CLIENT_ONLY.has(prop) && !PLACED.has(name)) rest[name] = attrs[name]
  }
  // RouterLink's order: its own aria-current, href and class, then what NuxtLink passes on (rel first).
  return {
    'aria-current': attrs['aria-current'],
    'href': createHref(withQuery(to.path, writeQuery(to.query))),
    'class': normalizeClass(attrs.class) || undefined,
    'rel': attrs.rel || undefined,
    ...rest,
  }
}
