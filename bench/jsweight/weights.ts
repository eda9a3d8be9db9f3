import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { measureAssetWeight } from '../lib/jsWeight'
import { round } from '../lib/stats'
import { measured, notMeasured, type Outcome } from '../lib/outcome'

export interface PageWeight {
  /** KiB of gzip (level 9) JavaScript loaded by the first view: entry, page chunk, their static imports. */
  jsGzipKiB: number
  jsRawKiB: number
  /** Stylesheets the page links. */
  cssGzipKiB: number
  /** CSS inlined in the HTML in <style> tags (counted in the HTML bytes, not a separate request). */
  inlineCssGzipKiB: number
  /** From bench/budgets.json, when the page has one. */
  budgetKiB: number | null
  files: number
}

interface Budgets { js: Record<string, number> }

/**
 * Deterministic for a build, so measured once: the same number `npm test` checks against the budget.
 * Reads the built files of the private copy the bench serves.
 */
export async function measureWeights(webUrl: string, pages: Record<string, string>, outputDir: string): Promise<Record<string, Outcome<PageWeight>>> {
  const budgets = JSON.parse(await readFile('bench/budgets.json', 'utf8')) as Budgets
  const results: Record<string, Outcome<PageWeight>> = {}
  for (const [name, path] of Object.entries(pages)) {
    const res = await fetch(webUrl + path)
    const html = await res.text()
    if (!res.ok) {
      results[name] = notMeasured(`answered ${res.status}`)
      continue
    }
    const weight = await measureAssetWeight(html, join(outputDir, 'public'))
    results[name] = measured({
      jsGzipKiB: round(weight.jsGzip / 1024, 1),
      jsRawKiB: round(weight.jsRaw / 1024, 1),
      cssGzipKiB: round(weight.cssGzip / 1024, 1),
      inlineCssGzipKiB: round(weight.inlineCssGzip / 1024, 1),
      budgetKiB: budgets.js[name] ?? null,
      files: weight.files.length,
    })
  }
  return results
}
