import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'

/** Where each suite leaves its counts (gitignored); `npm run test:chaos` prints them together at the end. */
export const RESULTS_DIR = resolve(process.cwd(), 'test-results/chaos')

/** Counts a suite asserts on, written down so a run can be reported (docs/chaos.md lists the last one). */
export function recordCounts(suite: string, counts: Record<string, number | string>): void {
  mkdirSync(RESULTS_DIR, { recursive: true })
  const file = resolve(RESULTS_DIR, `${suite}.json`)
  let previous: Record<string, unknown> = {}
  try {
    previous = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
  }
  catch { /* first record of this run */ }
  writeFileSync(file, `${JSON.stringify({ ...previous, ...counts }, null, 2)}\n`)
  console.log(`[chaos] ${suite}: ${Object.entries(counts).map(([k, v]) => `${k}=${v}`).join(', ')}`)
}
