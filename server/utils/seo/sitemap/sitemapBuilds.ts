/**
 * What a server process allows itself while building sitemap files: one build per file however many crawlers ask
 * for it at once (they share its result or its failure), and at most `maxConcurrent` files at a time (a 45,000-URL
 * file is ~6 MB of text until it is compressed); further builds wait their turn. One per process
 * (server/plugins/sitemap.ts).
 */
export interface SitemapBuilds {
  /** `task`'s result, shared with every caller asking for the same key while it runs. */
  once<T>(key: string, task: () => Promise<T>): Promise<T>
  /** Runs `task` when fewer than `maxConcurrent` limited tasks are running. */
  limited<T>(task: () => Promise<T>): Promise<T>
}

export function createSitemapBuilds(options: { maxConcurrent?: number } = {}): SitemapBuilds {
  const maxConcurrent = Math.max(1, options.maxConcurrent ?? 2)
  const running = new Map<string, Promise<unknown>>()
  const queue: Array<() => void> = []
  let active = 0

  function release(): void {
    const next = queue.shift()
    if (next) next()
    else active--
  }

  return {
    once<T>(key: string, task: () => Promise<T>): Promise<T> {
      const current = running.get(key)
      if (current) return current as Promise<T>
      const started = task().finally(() => running.delete(key))
      running.set(key, started)
      return started
    },
    async limited<T>(task: () => Promise<T>): Promise<T> {
      // A slot is handed from a finishing task straight to the next in line, so `active` never overshoots.
      if (active < maxConcurrent) active++
      else await new Promise<void>(resolve => queue.push(resolve))
      try {
        return await task()
      }
      finally {
        release()
      }
    },
  }
}
