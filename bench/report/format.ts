import type { Summary } from '../lib/stats'

/** `median (min–max)`, or just the value when all runs agreed. */
export function formatSummary(summary: Summary | null, unit = ''): string {
  if (!summary) return 'n/a'
  const { median, min, max } = summary
  return min === max ? `${median}${unit}` : `${median}${unit} (${min}–${max})`
}

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}
