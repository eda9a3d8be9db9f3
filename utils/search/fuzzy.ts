import Fuse from 'fuse.js'
import { queryTokens, wordList, wordsOf, type TextRange } from './highlight'

/** What an entry stands for; also the order groups are returned in. */
export type FuzzyKind = 'recent' | 'query' | 'category' | 'brand' | 'product'
const KIND_ORDER: readonly FuzzyKind[] = ['recent', 'query', 'category', 'brand', 'product']

export interface FuzzyEntry<T> {
  kind: FuzzyKind
  /** What is matched and displayed. */
  text: string
  value: T
  /** Tie-breaker, higher first (a facet count, recency). */
  weight?: number
}

export interface FuzzyHit<T> {
  entry: FuzzyEntry<T>
  /** 0 = exact, up to THRESHOLD = the worst typo we accept; averaged over matched tokens. */
  score: number
  /** Spans of `entry.text` to highlight. */
  ranges: TextRange[]
}

export interface FuzzySearchOptions {
  /** Results per kind (default 5). */
  limitPerKind?: number
}

export interface FuzzyIndex<T> {
  /** Entries indexed. */
  readonly size: number
  /** Distinct words: the only thing Fuse searches, so the per-keystroke cost follows this, not `size`. */
  readonly vocabularySize: number
  search(query: string, options?: FuzzySearchOptions): FuzzyHit<T>[]
  /** The known word closest to a token (the token itself, score 0, when known); null when nothing is close. */
  closestWord(token: string): { word: string, score: number } | null
}

/** Fuse's 0..1 score with location ignored is errors / token length: 1 typo in 9 letters is 0.11. */
const THRESHOLD = 0.34

/** Typos forgiven per token: none in 3 letters ("hed" is not "bed"), one up to 7, then two. */
function maxScore(token: string): number {
  const errors = token.length <= 3 ? 0 : token.length <= 7 ? 1 : 2
  return Math.min(THRESHOLD, (errors + 0.5) / token.length)
}
/** Tokens shorter than this match word prefixes only; fuzzy on one or two letters matches everything. */
const FUZZY_MIN = 3
/** A typo may stand for several words; the best few are enough and bound the posting lists we walk. */
const WORDS_PER_TOKEN = 24
const MAX_TOKENS = 8

/**
 * A small typo-tolerant index. Thousands of product titles share a few hundred distinct words, so Fuse
 * searches the word list and posting lists map words back to entries: "hedphones" -> "headphones" -> every
 * entry containing it. An entry ranks by how many query tokens it matches, then by how close they were.
 */
export function createFuzzyIndex<T>(entries: readonly FuzzyEntry<T>[]): FuzzyIndex<T> {
  const wordIds = new Map<string, number>()
  const words: string[] = []
  const postings: number[][] = []
  entries.forEach((entry, entryIndex) => {
    for (const word of wordList(entry.text)) {
      let id = wordIds.get(word)
      if (id === undefined) {
        id = words.length
        wordIds.set(word, id)
        words.push(word)
        postings.push([])
      }
      const list = postings[id]!
      if (list.at(-1) !== entryIndex) list.push(entryIndex)
    }
  })
  const fuse = new Fuse(words, { threshold: THRESHOLD, ignoreLocation: true, ignoreFieldNorm: true, includeScore: true })

  function matchWords(token: string): Array<{ id: number, score: number }> {
    if (token.length < FUZZY_MIN) {
      const out: Array<{ id: number, score: number }> = []
      words.forEach((word, id) => {
        if (word.startsWith(token)) out.push({ id, score: 0 })
      })
      return out
    }
    const accept = maxScore(token)
    return fuse.search(token, { limit: WORDS_PER_TOKEN })
      .map(r => ({ id: r.refIndex, score: r.score ?? THRESHOLD }))
      .filter(r => r.score <= accept)
  }

  function rangesFor(text: string, matched: ReadonlyMap<string, string>): TextRange[] {
    const ranges: TextRange[] = []
    for (const { word, start, end } of wordsOf(text)) {
      const token = matched.get(word)
      if (token === undefined) continue
      const at = word.indexOf(token)
      // A literal hit marks what was typed; a typo marks the whole word it stood for.
      ranges.push(at >= 0 ? [start + at, start + at + token.length] : [start, end])
    }
    return ranges
  }

  function search(query: string, options: FuzzySearchOptions = {}): FuzzyHit<T>[] {
    const limit = options.limitPerKind ?? 5
    const tokens = queryTokens(query).slice(0, MAX_TOKENS)
    if (!tokens.length || !entries.length) return []

    const count = new Uint8Array(entries.length)
    // Tokens of FUZZY_MIN+ letters an entry matched: one typed letter alone is not evidence when more was typed.
    const strong = new Uint8Array(entries.length)
    const sum = new Float64Array(entries.length)
    const touched: number[] = []
    // word -> the token it matched, for highlighting the winners only.
    const matched = new Map<string, string>()

    for (const token of tokens) {
      const best = new Map<number, number>()
      for (const { id, score } of matchWords(token)) {
        matched.set(words[id]!, token)
        for (const entryIndex of postings[id]!) {
          const previous = best.get(entryIndex)
          if (previous === undefined || score < previous) best.set(entryIndex, score)
        }
      }
      for (const [entryIndex, score] of best) {
        if (count[entryIndex] === 0) touched.push(entryIndex)
        count[entryIndex]! += 1
        if (token.length >= FUZZY_MIN) strong[entryIndex]! += 1
        sum[entryIndex]! += score
      }
    }

    const byKind = new Map<FuzzyKind, number[]>()
    for (const entryIndex of touched) {
      if (count[entryIndex] !== tokens.length && strong[entryIndex] === 0) continue
      const kind = entries[entryIndex]!.kind
      const list = byKind.get(kind)
      if (list) list.push(entryIndex)
      else byKind.set(kind, [entryIndex])
    }

    const hits: FuzzyHit<T>[] = []
    for (const kind of KIND_ORDER) {
      const candidates = byKind.get(kind)
      if (!candidates) continue
      // Within a kind, only the entries matching the most tokens: "wireless headphones" should not list
      // every wireless charger when wireless headphones exist.
      let most = 0
      for (const i of candidates) most = Math.max(most, count[i]!)
      const ranked = candidates
        .filter(i => count[i] === most)
        .map(i => ({ i, score: sum[i]! / most }))
        .sort((a, b) => a.score - b.score
          || (entries[b.i]!.weight ?? 0) - (entries[a.i]!.weight ?? 0)
          || entries[a.i]!.text.length - entries[b.i]!.text.length)
        .slice(0, limit)
      for (const { i, score } of ranked) {
        const entry = entries[i]!
        hits.push({ entry, score, ranges: rangesFor(entry.text, matched) })
      }
    }
    return hits
  }

  function closestWord(token: string): { word: string, score: number } | null {
    if (wordIds.has(token)) return { word: token, score: 0 }
    if (token.length < FUZZY_MIN) return null
    // Closest first; among equally close words, the one nearest in length ("phone" -> "phones", not "headphones").
    return matchWords(token)
      .map(({ id, score }) => ({ word: words[id]!, score }))
      .sort((a, b) => a.score - b.score || Math.abs(a.word.length - token.length) - Math.abs(b.word.length - token.length))[0] ?? null
  }

  return { size: entries.length, vocabularySize: words.length, search, closestWord }
}

/**
 * "Did you mean": each word of the query replaced by the closest word any of the indexes knows. Null when every
 * word is already known or nothing is close, so there is nothing to suggest.
 */
export function correctQuery(query: string, indexes: ReadonlyArray<Pick<FuzzyIndex<unknown>, 'closestWord'>>): string | null {
  let changed = false
  const fixed = queryTokens(query).map((token) => {
    const candidates = indexes.map(index => index.closestWord(token)).filter(c => c !== null)
    const best = candidates.sort((a, b) => a.score - b.score)[0]
    if (!best || best.word === token) return token
    changed = true
    return best.word
  })
  return changed ? fixed.join(' ') : null
}
