/**
 * Lets pending promise callbacks run (microtask turns), without any timer, so it works under fake timers too. Enough
 * turns for a chain of a few awaited async functions (each returned promise costs ~3 turns).
 */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve()
}

/** A promise plus its resolver and rejecter, for answers the test releases when it says so. */
export function deferred<T = void>(): { promise: Promise<T>, resolve: (value: T) => void, reject: (error: unknown) => void } {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok
    reject = fail
  })
  return { promise, resolve, reject }
}
