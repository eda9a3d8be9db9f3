/** One figure from several runs: its median, with the spread so a reader can judge the noise. */
export interface Summary {
  median: number
  min: number
  max: number
  /** How many runs it summarises. */
  runs: number
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values')
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export function summarize(values: readonly number[]): Summary {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length }
}

/** `round(1234.567, 1)` -> 1234.6; keeps results.json readable without pretending to more precision. */
export function round(value: number, digits = 0): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

export function roundSummary(summary: Summary, digits = 0): Summary {
  return { median: round(summary.median, digits), min: round(summary.min, digits), max: round(summary.max, digits), runs: summary.runs }
}
