import { effectScope, nextTick, ref } from 'vue'
import { useDebouncedSearch } from '~/composables/search/useDebouncedSearch'

export interface TypingCase {
  word: string
  msPerKey: number
  /** Suggestion rounds sent (each round is one /products/suggest/ and one 4-item /products/ request). */
  rounds: number
  httpRequests: number
  /** Queries that were sent, in order. */
  sent: string[]
  /** What the dropdown ended up showing server rows for. */
  shown: string | null
}

export interface SuggestRequestResult {
  debounceMs: number
  maxWaitMs: number
  minLength: number
  /** Simulated server latency per round, ms. */
  latencyMs: number
  cases: TypingCase[]
  /** The check: "wireless" at 80 ms per key sends at most 2 suggestion requests. */
  wirelessAt80ms: { rounds: number, withinLimit: boolean }
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/** Types `word` into the real useDebouncedSearch with real timers and counts what reaches the "server". */
async function typeWord(word: string, msPerKey: number, latencyMs: number): Promise<TypingCase> {
  const sent: string[] = []
  const term = ref('')
  const scope = effectScope()
  const search = scope.run(() => useDebouncedSearch(term, async (q, signal) => {
    sent.push(q)
    await sleep(latencyMs)
    if (signal.aborted) throw new DOMException('aborted', 'AbortError')
    return q
  }))!
  for (const char of word) {
    term.value += char
    await nextTick()
    await sleep(msPerKey)
  }
  // Let the trailing debounce fire and its answer land.
  await sleep(250 + latencyMs + 100)
  const shown = search.resultsFor.value
  scope.stop()
  return { word, msPerKey, rounds: sent.length, httpRequests: sent.length * 2, sent, shown }
}

export async function measureSuggestRequests(latencyMs = 60): Promise<SuggestRequestResult> {
  const words = ['wireless', 'headphones', 'wireless headphones', 'desk lamp']
  const speeds = [80, 150, 300]
  const cases: TypingCase[] = []
  for (const msPerKey of speeds) {
    for (const word of words) cases.push(await typeWord(word, msPerKey, latencyMs))
  }
  const wireless = cases.find(c => c.word === 'wireless' && c.msPerKey === 80)!
  return {
    debounceMs: 250,
    maxWaitMs: 1000,
    minLength: 2,
    latencyMs,
    cases,
    wirelessAt80ms: { rounds: wireless.rounds, withinLimit: wireless.rounds <= 2 },
  }
}
