/**
 * `promise` (a call to a storage: the page cache, the auth sessions, kept sitemaps), or a rejection once the storage
 * has had `ms` to answer. A hung Redis must make a call fail, never make a shopper's or a crawler's request wait.
 */
export function withStorageTimeout<T>(promise: Promise<T>, ms: number, storage = 'cache storage'): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${storage} did not answer within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
