import { describe, expect, it } from 'vitest'
import { createCartQueue } from '~/stores/cart/cartQueue'
import { deferred, settle } from '../../support/promises'

describe('createCartQueue', () => {
  it('runs tasks one at a time in the order asked, whatever each one\'s outcome', async () => {
    const sizes: number[] = []
    const queue = createCartQueue(size => sizes.push(size))
    const first = deferred<string>()
    const started: string[] = []
    const a = queue.run(() => (started.push('a'), first.promise))
    const b = queue.run(async () => (started.push('b'), 'b'))
    await settle()
    expect(started).toEqual(['a'])
    expect(queue.size()).toBe(2)
    first.reject(new Error('a failed'))
    await expect(a).rejects.toThrow('a failed')
    await expect(b).resolves.toBe('b')
    expect(started).toEqual(['a', 'b'])
    expect(sizes).toEqual([1, 2, 1, 0])
  })

  it('joins asks for a key while its task waits, and queues a new one once it has started', async () => {
    const queue = createCartQueue()
    const blocker = deferred()
    void queue.run(() => blocker.promise)
    let runs = 0
    const task = async () => {
      runs++
    }
    const x = queue.coalesce('line:1', task)
    const y = queue.coalesce('line:1', task)
    expect(y).toBe(x)
    expect(queue.isWaiting('line:1')).toBe(true)
    blocker.resolve()
    await x
    expect(runs).toBe(1)
    expect(queue.isWaiting('line:1')).toBe(false)
    await queue.coalesce('line:1', task)
    expect(runs).toBe(2)
  })
})
