// `npm test` stage "budgets": the JavaScript weight of the first view of key pages must stay within bench/budgets.json.
// Deterministic for a given build, so it can fail a test run; timing figures live in `npm run bench`.
// `npx tsx bench/budget.ts --files` also lists each page's files with their gzip size, to see what to cut.
import { readFile } from 'node:fs/promises'
import { gzipSync } from 'node:zlib'
import { measureAssetWeight } from './lib/jsWeight'
import { startStack } from './lib/servers'
import { SIGNED_IN_PAGES, signedInCookie, weightPages } from './lib/pages'

interface Budgets { js: Record<string, number> }

const listFiles = process.argv.includes('--files')
const budgets = JSON.parse(await readFile('bench/budgets.json', 'utf8')) as Budgets
const stack = await startStack({ seedProducts: 200 })
let failed = 0
try {
  const pages = await weightPages(stack.webUrl)
  let cookie = await signedInCookie(stack.webUrl)
  const all: Array<[string, string, boolean]> = [
    ...Object.entries(pages).map(([name, path]): [string, string, boolean] => [name, path, false]),
    ...Object.entries(SIGNED_IN_PAGES).map(([name, path]): [string, string, boolean] => [name, path, true]),
  ]
  console.log('page              JS gzip KiB   budget   CSS gzip KiB')
  for (const [name, path, signedIn] of all) {
    const budget = budgets.js[name]
    if (budget === undefined) throw new Error(`bench/budgets.json has no budget for ${name}`)
    const res = await fetch(stack.webUrl + path, { headers: signedIn ? { cookie } : {}, redirect: 'manual' })
    if (!res.ok) throw new Error(`${path} answered ${res.status}`)
    // The server render rotated the refresh token: the next signed-in page goes with the new one.
    cookie = res.headers.getSetCookie().map(c => c.split(';')[0]).find(c => c?.startsWith('sf_refresh=')) ?? cookie
    const weight = await measureAssetWeight(await res.text())
    const kib = weight.jsGzip / 1024
    const ok = kib <= budget
    if (!ok) failed++
    console.log(`${name.padEnd(18)}${kib.toFixed(1).padStart(11)}   ${String(budget).padStart(6)}   ${(weight.cssGzip / 1024).toFixed(1).padStart(12)}  ${ok ? 'ok' : 'OVER BUDGET'}`)
    if (listFiles) {
      for (const file of weight.files) {
        const gzip = gzipSync(await readFile(`.output/public${file}`), { level: 9 }).byteLength
        console.log(`${(gzip / 1024).toFixed(1).padStart(29)}   ${file}`)
      }
    }
  }
}
finally {
  await stack.stop()
}
console.log(failed ? `budgets: ${failed} over` : 'budgets: all within')
process.exit(failed ? 1 : 0)
