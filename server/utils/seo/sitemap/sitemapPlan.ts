import type { Storage } from 'unstorage'
import type { CatalogSource } from './catalogSource'
import { laterOf } from './sitemapXml'
import { withStorageTimeout } from '../../storage/storageTimeout'

/** How long the `cache` storage may take before a sitemap goes on without it (a hung Redis must not hang a crawler). */
export const SITEMAP_STORAGE_TIMEOUT_MS = 1_000

/** One products sitemap: where its walk starts, where the next one starts, how many URLs it had. */
export interface SitemapChunk {
  /** Cursor of its first product page (null: the very first page). */
  cursor: string | null
  /** Id of its first product; the previous chunk stops when it meets it. */
  firstId: number
  count: number
  lastmod: string | null
}

export interface SitemapPlan {
  chunks: SitemapChunk[]
  totalProducts: number
  builtAt: number
}

/**
 * Walks every product page once and cuts the catalog into chunks of at most `chunkSize` products, on
 * page boundaries (a cursor can only point at a page). Only cursors and ids are kept, never the URLs.
 */
export async function buildSitemapPlan(source: CatalogSource, chunkSize: number, now = Date.now()): Promise<SitemapPlan> {
  const chunks: SitemapChunk[] = []
  let cursor: string | null = null
  let total = 0
  do {
    const page = await source.productPage(cursor)
    const first = page.products[0]
    if (first) {
      let current = chunks.at(-1)
      if (!current || current.count + page.products.length > chunkSize) {
        current = { cursor, firstId: first.id, count: 0, lastmod: null }
        chunks.push(current)
      }
      current.count += page.products.length
      for (const product of page.products) current.lastmod = laterOf(current.lastmod, product.updatedAt)
      total += page.products.length
    }
    cursor = page.nextCursor
  } while (cursor)
  return { chunks, totalProducts: total, builtAt: now }
}

export interface PlanCacheOptions {
  storage: Storage
  /** A new walk at most this often; products added meanwhile still appear (a chunk runs to the next one's start). */
  ttlS: number
  chunkSize: number
  now?: () => number
  storageTimeoutMs?: number
}

/** The plan from the shared cache, or a fresh walk stored there for every instance. */
export async function cachedSitemapPlan(source: CatalogSource, options: PlanCacheOptions): Promise<SitemapPlan> {
  const now = options.now ?? Date.now
  const key = `sitemap:plan:${options.chunkSize}`
  const cached = await withStorageTimeout(options.storage.getItem<SitemapPlan>(key), options.storageTimeoutMs ?? SITEMAP_STORAGE_TIMEOUT_MS).catch(() => null)
  if (cached && typeof cached === 'object' && Array.isArray(cached.chunks) && now() - cached.builtAt < options.ttlS * 1000) return cached
  const plan = await buildSitemapPlan(source, options.chunkSize, now())
  await withStorageTimeout(options.storage.setItem(key, plan, { ttl: options.ttlS }), options.storageTimeoutMs ?? SITEMAP_STORAGE_TIMEOUT_MS).catch((error: unknown) => {
    console.warn('[sitemap] could not store the plan', error instanceof Error ? error.message : error)
  })
  return plan
}
