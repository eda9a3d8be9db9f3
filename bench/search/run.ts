import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { measureFuzzyKeystrokes, type FuzzyKeystrokeResult } from './fuzzyKeystrokes'
import { measureSuggestRequests, type SuggestRequestResult } from './suggestRequests'

// Search benchmark: the instant layer's per-keystroke cost at 10,000 products, and how many suggestion requests
// typing a word sends. Usage: npx tsx bench/search/run.ts [--out bench/search/results.json] [--items 10000]

export interface SearchBenchResult {
  measuredAt: string
  node: string
  fuzzy: FuzzyKeystrokeResult
  suggestRequests: SuggestRequestResult
}

export async function runSearchBench(options: { items?: number } = {}): Promise<SearchBenchResult> {
  return {
    measuredAt: new Date().toISOString(),
    node: process.version,
    fuzzy: measureFuzzyKeystrokes(options.items ?? 10_000),
    suggestRequests: await measureSuggestRequests(),
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const out = resolve(arg('--out') ?? 'bench/search/results.json')
  const result = await runSearchBench({ items: Number(arg('--items') ?? 10_000) })
  await mkdir(dirname(out), { recursive: true })
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`)
  const f = result.fuzzy
  console.log(`fuzzy: ${f.items} items, ${f.vocabularySize} words; per keystroke p50 ${f.perKeystroke.p50Ms} ms, p95 ${f.perKeystroke.p95Ms} ms, max ${f.perKeystroke.maxMs} ms (budget ${f.budgetMs} ms); build p50 ${f.buildMs.p50Ms} ms; plain Fuse over titles p50 ${f.naiveFuseFullTitles.p50Ms} ms`)
  for (const c of result.suggestRequests.cases) console.log(`"${c.word}" at ${c.msPerKey} ms/key: ${c.rounds} round(s) ${JSON.stringify(c.sent)}, shown ${JSON.stringify(c.shown)}`)
  console.log(`written to ${out}`)
}
