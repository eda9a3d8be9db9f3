// bench/search/run.ts owns its JSON (SearchBenchResult); this reads it defensively, so a change of shape
// there degrades RESULTS.md to the generic flattened table instead of breaking the bench.

function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), value)
}

function num(value: unknown): string {
  return typeof value === 'number' ? String(value) : '?'
}

interface TypingCase { word: string, msPerKey: number, rounds: number, httpRequests: number }

function isTypingCase(value: unknown): value is TypingCase {
  const c = value as Partial<TypingCase> | null
  return !!c && typeof c.word === 'string' && typeof c.msPerKey === 'number' && typeof c.rounds === 'number' && typeof c.httpRequests === 'number'
}

/** Rows for RESULTS.md, or null when the JSON is not the shape this knows. */
export function searchRows(data: unknown): string[][] | null {
  const cases = at(data, 'suggestRequests.cases')
  if (typeof at(data, 'fuzzy.perKeystroke.p50Ms') !== 'number' || !Array.isArray(cases) || !cases.every(isTypingCase)) return null
  const fuzzy = (path: string) => num(at(data, `fuzzy.${path}`))
  const rows: string[][] = [
    [`fuzzy index query per keystroke, ${fuzzy('items')} items (${fuzzy('perKeystroke.samples')} keystrokes)`,
      `p50 ${fuzzy('perKeystroke.p50Ms')} ms, p95 ${fuzzy('perKeystroke.p95Ms')} ms, max ${fuzzy('perKeystroke.maxMs')} ms (p95 budget ${fuzzy('budgetMs')} ms: ${at(data, 'fuzzy.withinBudget') === true ? 'within' : 'OVER'})`],
    ['index build', `p50 ${fuzzy('buildMs.p50Ms')} ms`],
    ['plain Fuse over full titles, for comparison', `p50 ${fuzzy('naiveFuseFullTitles.p50Ms')} ms, p95 ${fuzzy('naiveFuseFullTitles.p95Ms')} ms`],
  ]
  const speeds = [...new Set(cases.map(c => c.msPerKey))].sort((a, b) => a - b)
  for (const word of [...new Set(cases.map(c => c.word))]) {
    const perSpeed = speeds.map((ms) => {
      const c = cases.find(item => item.word === word && item.msPerKey === ms)
      return c ? `${c.rounds} at ${ms} ms/key` : ''
    }).filter(Boolean)
    rows.push([`suggestion rounds typing "${word}"`, `${perSpeed.join(', ')} (each round = 2 HTTP requests)`])
  }
  return rows
}
