import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

const CORPUS_DIR = resolve(process.cwd(), 'tests/chaos/corpus')

/**
 * The XSS corpus: one payload per line of corpus/xss.txt (blank lines and `#` comments skipped). Every payload tries
 * to run `alert(...)` (or to set window.__xss): a dialog or that flag in a browser means it ran.
 */
export function xssPayloads(): string[] {
  return readFileSync(resolve(CORPUS_DIR, 'xss.txt'), 'utf8')
    .split('\n')
    .filter(line => line.trim() !== '' && !line.startsWith('#'))
}

/** Odd but not malicious-looking input: over-long, malformed encodings, NUL, RTL, emoji, absurd numbers (JSON). */
export function oddInputs(): string[] {
  const entries = JSON.parse(readFileSync(resolve(CORPUS_DIR, 'odd-inputs.json'), 'utf8')) as Array<string | { repeat: string, times: number }>
  return entries.map(entry => (typeof entry === 'string' ? entry : entry.repeat.repeat(entry.times)))
}
