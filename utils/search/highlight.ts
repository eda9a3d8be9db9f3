/** A half-open [start, end) span of a text to mark as matching. */
export type TextRange = readonly [start: number, end: number]

/** A piece of text and whether it matched, ready for `<mark>`. */
export interface TextPart {
  text: string
  match: boolean
}

const WORD = /[\p{L}\p{N}]+/gu
const NON_WORD = /[^\p{L}\p{N}]+/u

/** Lowercased words of a text with their offsets; the unit both the fuzzy index and highlighting work on. */
export function wordsOf(text: string): Array<{ word: string, start: number, end: number }> {
  const out: Array<{ word: string, start: number, end: number }> = []
  for (const m of text.matchAll(WORD)) out.push({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length })
  return out
}

/** Just the lowercased words, without offsets: several times faster, for building an index. */
export function wordList(text: string): string[] {
  return text.toLowerCase().split(NON_WORD).filter(Boolean)
}

/** Query tokens: lowercase words, de-duplicated, in order. */
export function queryTokens(query: string): string[] {
  return [...new Set(wordList(query))]
}

/** Sorted, merged ranges (overlapping or touching spans become one). */
export function mergeRanges(ranges: readonly TextRange[]): TextRange[] {
  const sorted = [...ranges].filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0])
  const out: Array<[number, number]> = []
  for (const [start, end] of sorted) {
    const last = out.at(-1)
    if (last && start <= last[1]) last[1] = Math.max(last[1], end)
    else out.push([start, end])
  }
  return out
}

/** Where the query's tokens occur literally (case-insensitive) in a text. Server suggestions use this. */
export function literalRanges(text: string, query: string): TextRange[] {
  const lower = text.toLowerCase()
  const ranges: TextRange[] = []
  for (const token of queryTokens(query)) {
    let from = lower.indexOf(token)
    while (from !== -1) {
      ranges.push([from, from + token.length])
      from = lower.indexOf(token, from + token.length)
    }
  }
  return mergeRanges(ranges)
}

/** Split a text into marked and unmarked parts. */
export function splitByRanges(text: string, ranges: readonly TextRange[]): TextPart[] {
  const parts: TextPart[] = []
  let at = 0
  for (const [start, end] of mergeRanges(ranges)) {
    const s = Math.max(start, at)
    const e = Math.min(end, text.length)
    if (s >= e) continue
    if (s > at) parts.push({ text: text.slice(at, s), match: false })
    parts.push({ text: text.slice(s, e), match: true })
    at = e
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false })
  return parts
}
