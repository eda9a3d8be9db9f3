import { describe, expect, it } from 'vitest'
import { parseBenchArgs, SECTIONS } from '../../../bench/lib/args'
import { renderSsrHistory, type SsrHistoryEntry } from '../../../bench/report/ssrHistory'

describe('parseBenchArgs', () => {
  it('runs every section by default, as a full run', () => {
    const args = parseBenchArgs([])
    expect([...args.only]).toEqual([...SECTIONS])
    expect(args.partial).toBe(false)
    expect(args.rounds).toBeNull()
    expect(args.nodeOptions).toBeNull()
  })

  it('runs only the named sections with --only, in either spelling', () => {
    expect([...parseBenchArgs(['--only', 'ssr']).only]).toEqual(['ssr'])
    const args = parseBenchArgs(['--only=ssr,hydration', '--label', 'after', '--rounds', '5', '--build', '/tmp/before'])
    expect([...args.only]).toEqual(['ssr', 'hydration'])
    expect(args).toMatchObject({ partial: true, label: 'after', rounds: 5, buildDir: '/tmp/before' })
  })

  it('serves the storefront with other NODE_OPTIONS when asked, Node\'s defaults with an empty string', () => {
    expect(parseBenchArgs(['--node-options', '']).nodeOptions).toBe('')
    expect(parseBenchArgs(['--node-options=--max-semi-space-size=64']).nodeOptions).toBe('--max-semi-space-size=64')
  })

  it('refuses a section it does not know instead of measuring nothing', () => {
    expect(() => parseBenchArgs(['--only', 'srr'])).toThrow(/ssr, jsWeight/)
    expect(() => parseBenchArgs(['--rounds', '0'])).toThrow(/--rounds/)
  })
})

describe('renderSsrHistory', () => {
  const summary = (median: number) => ({ median, min: median, max: median, runs: 3 })
  const entry = (generatedAt: string, label: string, ratio: number): SsrHistoryEntry => ({
    generatedAt, commit: 'abc1234', label, quick: false, rounds: 3, loadAverageAtStart: [1.5, 1, 1],
    pages: {
      '/products': { path: '/products', htmlBytes: 1000, baselineRps: summary(5000), uncachedRps: summary(60), uncachedRatio: summary(ratio), cachedRps: summary(2000), cachedRatio: summary(0.4), failures: 0 },
      'product page': { notMeasured: 'answered 500' },
    },
  })

  it('lists runs newest first with their ratios and the reason a page was not measured', () => {
    const text = renderSsrHistory([entry('2026-01-01T10:00:00.000Z', 'before', 0.012), entry('2026-01-02T10:00:00.000Z', 'after', 0.06)])
    const rows = text.split('\n').filter(line => line.startsWith('| 2026'))
    expect(rows[0]).toContain('after')
    expect(rows[0]).toContain('| 0.06 |')
    expect(rows[1]).toContain('not measured: answered 500')
    expect(rows[2]).toContain('before')
  })
})
