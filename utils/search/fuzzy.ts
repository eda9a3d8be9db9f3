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
  /** Errors / token length: 0 = found as typed, up to 2 in 8 = the worst typo we accept; averaged over matched tokens. */
  score: number
  /** Spans of `entry.text` to highlight. */
  ranges: TextRange[]
}

export interface FuzzySearchOptions {
  /** Results per kind (default 5). */
  limitPerKind?: number
  /** Query tokens another index searched along finds as typed: no typos for them here either (see searchIndexes). */
  foundAsTyped?: ReadonlySet<string>
}

export interface FuzzyIndex<T> {
  /** Entries indexed. */
  readonly size: number
  /** Distinct words: the only thing searched, so the per-keystroke cost follows this, not `size`. */
  readonly vocabularySize: number
  search(query: string, options?: FuzzySearchOptions): FuzzyHit<T>[]
  /** Whether a word has the token with no typo: at its start, or anywhere for tokens of FUZZY_MIN+ letters. */
  findsAsTyped(token: string): boolean
  /** The known word closest to a token (the token itself, score 0, when known); null when nothing is close. */
  closestWord(token: string): { word: string, score: number } | null
}

/** Typos forgiven in a text this long: none in 3 letters ("hed" is not "bed"), one up to 7, then two. */
function maxErrors(length: number): number {
  return length <= 3 ? 0 : length <= 7 ? 1 : 2
}
/** A literal hit inside a longer word ("phones" in "headphones") ranks just below one at the word's start. */
const INFIX_ERRORS = 0.5
/** What a typo in the first letter counts: more than the one a term of four to seven letters may have. */
const FIRST_LETTER_TYPO = 2

/**
 * Typos from the token to the word, or Infinity when too many. Compared with the whole word, or with one of its
 * starts ("hedphon" with "headphon"), never with a fragment that skips the word's first letters ("towel" is
 * not "stoneline"'s "tonel"). The term's length bounds the typos, and so does a start's: a typo against a
 * three-letter start is no more forgiven than a three-letter term ("chai" is not "haircare"'s "hai", one letter
 * added, nor "chinos"' "chi"), while a four-letter one may be ("chai" is "chargers"' "char", one letter changed).
 *
 * A typo that changes the first letter counts as two (as Meilisearch counts it): shoppers rarely get a word's first
 * letter wrong, and a word that differs in its first letter is mostly another word. "chair" is not "hair" (its
 * first letter dropped), nor "lamp" "camp" (changed), nor "hair" "chair" (one put before it); the two fit only the
 * two typos of a longer term ("neadphones" is "headphones"). Edits after it stay one: "chiar" is "chair",
 * "hiarcare" "haircare", "lmap" "lamp".
 *
 * The distance is optimal string alignment (Damerau-Levenshtein without editing a letter twice): a swapped pair
 * of neighbours ("haedphones", "lmap") is one typo, as shoppers make it, not the two Levenshtein counts. Fuse's
 * Bitap has no transposition, so it counted two and missed "lmap" altogether; the words are a few hundred, so
 * the well-known dynamic programme over them (bounded to the starts that can be close) is all the search needs.
 */
function typoDistance(token: string, word: string): number {
  const max = maxErrors(token.length)
  const width = Math.min(word.length, token.length + max)
  // rows i-2, i-1 and i: edits from the token's first i letters to the word's first j. Column 0 and row 0 (letters
  // dropped from, or put before, the token) begin with an edit of the first letter, and so do a changed first
  // letter (i = j = 1) and a swap of the first two (i = j = 2): each costs FIRST_LETTER_TYPO once.
  let before: number[] = []
  let row = Array.from({ length: width + 1 }, (_, j) => (j === 0 ? 0 : j - 1 + FIRST_LETTER_TYPO))
  for (let i = 1; i <= token.length; i++) {
    const next = [i - 1 + FIRST_LETTER_TYPO]
    let least = next[0]!
    for (let j = 1; j <= width; j++) {
      const a = token[i - 1]
      const b = word[j - 1]
      const change = i === 1 && j === 1 ? FIRST_LETTER_TYPO : 1
      let d = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a === b ? 0 : change))
      if (i > 1 && j > 1 && a === word[j - 2] && token[i - 2] === b) d = Math.min(d, before[j - 2]! + (i === 2 && j === 2 ? FIRST_LETTER_TYPO : 1))
      next[j] = d
      least = Math.min(least, d)
    }
    // A row's least never drops again (a swap costs no less than the row above), so stop once over.
    if (least > max) return Infinity
    before = row
    row = next
  }
  let best = Infinity
  for (let j = 1; j <= width; j++) {
    const allowed = j === word.length ? max : Math.min(max, maxErrors(j))
    if (row[j]! <= allowed) best = Math.min(best, row[j]!)
  }
  return best
}

/** Tokens shorter than this match word prefixes only; fuzzy on one or two letters matches everything. */
const FUZZY_MIN = 3
/** A typo may stand for several words; the best few are enough and bound the posting lists we walk. */
const WORDS_PER_TOKEN = 24
const MAX_TOKENS = 8

/** The word has the token with no typo: at its start, or anywhere once the token has FUZZY_MIN letters. */
function asTyped(token: string, word: string): boolean {
  return token.length >= FUZZY_MIN ? word.includes(token) : word.startsWith(token)
}

/**
 * A small typo-tolerant index. Thousands of product titles share a few hundred distinct words, so a search
 * scans the word list and posting lists map words back to entries: "hedphones" -> "headphones" -> every
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

  /** Words the token is in as typed: prefix 0, inside a word INFIX_ERRORS (tokens of FUZZY_MIN+ letters only). */
  function literalWords(token: string): Array<{ id: number, errors: number }> {
    const out: Array<{ id: number, errors: number }> = []
    words.forEach((word, id) => {
      if (word.startsWith(token)) out.push({ id, errors: 0 })
      else if (asTyped(token, word)) out.push({ id, errors: INFIX_ERRORS })
    })
    return out
  }

  function findsAsTyped(token: string): boolean {
    return words.some(word => asTyped(token, word))
  }

  // Typos are the fallback: once the token is found as typed (here or, `typos` false, in an index searched
  // along), "lamp" does not bring "camping" too.
  function matchWords(token: string, typos = true): Array<{ id: number, score: number }> {
    let found = literalWords(token)
    if (!found.length && typos && maxErrors(token.length) > 0) {
      words.forEach((word, id) => {
        const errors = typoDistance(token, word)
        if (errors !== Infinity) found.push({ id, errors })
      })
    }
    found = found.sort((a, b) => a.errors - b.errors)
    // A short token's prefixes are all kept (they are exact); a longer one keeps the best few.
    if (token.length >= FUZZY_MIN) found = found.slice(0, WORDS_PER_TOKEN)
    return found.map(({ id, errors }) => ({ id, score: errors / token.length }))
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
      for (const { id, score } of matchWords(token, !options.foundAsTyped?.has(token))) {
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

  return { size: entries.length, vocabularySize: words.length, search, findsAsTyped, closestWord }
}

/**
 * Several indexes searched as one, each with its results per kind: the header box's shop terms (categories,
 * brands, recent searches) and products are two indexes, rebuilt at different rates. A token one of them finds as
 * typed, or one of `shownAlong` has (the server's rows for the query), gets no typos in any, so categories and
 * brands follow the rule product words do: "stove", in a product title, does not also list Stoneline ("stone", a
 * typo away) from the terms. `shownAlong` null: the rows that may have the token as typed are not known yet (the
 * server has not answered the query), so no token gets typos and only what is found as typed is listed.
 */
export function searchIndexes<T>(
  query: string,
  searches: ReadonlyArray<readonly [FuzzyIndex<T>, number]>,
  shownAlong: readonly string[] | null = [],
): FuzzyHit<T>[] {
  const shownWords = shownAlong?.flatMap(wordList)
  const foundAsTyped = new Set(queryTokens(query).filter(token => !shownWords
    || searches.some(([index]) => index.findsAsTyped(token)) || shownWords.some(word => asTyped(token, word))))
  return searches.flatMap(([index, limitPerKind]) => index.search(query, { limitPerKind, foundAsTyped }))
}

/**
 * "Did you mean": each word of the query replaced by the closest word any of the indexes knows. Null when every
 * word is already known or nothing is close, so there is nothing to suggest.
 */
export function correctQuery(query: string, indexes: ReadonlyArray<Pick<FuzzyIndex<unknown>, 'closestWord'>>): string | null {
  let changed = false
  const fixed = queryTokens(query).map((token) => {
    const candidates = indexes.map(index => index.closestWord(token)).filter(c => c !== null)
    // A word one index knows is kept, whatever another starts with ("hair", not the terms' "haircare").
    const best = candidates.sort((a, b) => a.score - b.score || Number(b.word === token) - Number(a.word === token))[0]
    if (!best || best.word === token) return token
    changed = true
    return best.word
  })
  return changed ? fixed.join(' ') : null
}
