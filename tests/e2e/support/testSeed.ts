import { createHash } from 'node:crypto'
import { test } from '@playwright/test'

// What a test seeds (accounts, products) is derived from the test itself, never from the clock or a random source:
// a failing run can be replayed with the same data. The key holds the attempt (repeat, retry), so a retry within a
// run, whose backend remembers the first attempt, gets its own accounts.

/** A stable number for the running test and attempt: the same on every run. */
export function testSeed(): number {
  const info = test.info()
  const key = [...info.titlePath, info.repeatEachIndex, info.retry].join('\u0000')
  return createHash('sha256').update(key).digest().readUInt32BE(0)
}

const counters = new Map<string, number>()

/** 1, 2, 3 ... for each call with the same `name` within the running test and attempt. */
export function nextInTest(name: string): number {
  const info = test.info()
  const key = `${info.testId}\u0000${info.repeatEachIndex}\u0000${info.retry}\u0000${name}`
  const next = (counters.get(key) ?? 0) + 1
  counters.set(key, next)
  return next
}
