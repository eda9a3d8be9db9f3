/**
 * The cart's requests, one at a time in the order they were asked for. Every cart answer is the whole cart, so
 * only when requests cannot overtake each other is the last answer the newest truth (Shopify/dawn#3395: requests
 * that overwrote each other). `coalesce` adds the other half: while a request for a key is waiting its turn,
 * asking again joins it instead of queueing another one, and the task reads what to send when it starts, so a
 * burst of clicks on one line costs the request under way plus one more with the latest quantity.
 */
export interface CartQueue {
  /** Runs `task` after everything queued before it; resolves or rejects with it. */
  run: <T>(task: () => Promise<T>) => Promise<T>
  /** Like `run`, unless a task for `key` is already waiting to start: then the caller shares that one's outcome. */
  coalesce: (key: string, task: () => Promise<void>) => Promise<void>
  /** Whether a task for `key` is waiting to start (not the one under way). */
  isWaiting: (key: string) => boolean
  /** Tasks queued or under way. */
  size: () => number
}

export function createCartQueue(onSizeChange: (size: number) => void = () => {}): CartQueue {
  let tail: Promise<unknown> = Promise.resolve()
  let size = 0
  const waiting = new Map<string, Promise<void>>()

  function resize(by: number): void {
    size += by
    onSizeChange(size)
  }

  function run<T>(task: () => Promise<T>): Promise<T> {
    resize(1)
    const result = tail.then(async () => {
      try {
        return await task()
      }
      finally {
        resize(-1)
      }
    })
    tail = result.catch(() => {})
    return result
  }

  function coalesce(key: string, task: () => Promise<void>): Promise<void> {
    const queued = waiting.get(key)
    if (queued) return queued
    const promise = run(() => {
      // From here on the task is under way: a new ask for the key queues after it.
      waiting.delete(key)
      return task()
    })
    waiting.set(key, promise)
    return promise
  }

  return { run, coalesce, isWaiting: key => waiting.has(key), size: () => size }
}
