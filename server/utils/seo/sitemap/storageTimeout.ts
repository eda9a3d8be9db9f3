/** How long the `cache` storage may take before a sitemap goes on without it (a hung Redis must not hang a crawler). */
export const SITEMAP_STORAGE_TIMEOUT_MS = 1_000

/** `promise`, or a rejection once the storage has had `ms` to answer. */
export function withStorageTimeout<T>(promise: Promise<T>, ms = SITEMAP_STORAGE_TIMEOUT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`cache storage did not answer within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
