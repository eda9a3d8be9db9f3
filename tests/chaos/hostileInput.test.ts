import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACCOUNT_PATH } from '~/utils/routes/paths'
import { backendViolations } from './support/backendInvariants'
import { discoverCatalog } from './support/catalog'
import { oddInputs, xssPayloads } from './support/corpus'
import { auditHtml, LEAKED_INTERNALS } from './support/htmlAudit'
import type { Catalog } from './support/pageKinds'
import { Shopper, type Answer } from './support/shoppers'
import { INPUT_PLACEMENTS, SHOPPER_INPUT_NAMES, type InputPlacement } from './support/shopperInputs'
import { startChaosStack, type ChaosStack } from './support/stack'
import { recordCounts } from './support/tally'

// Issue 19: hostile input from shoppers and crawlers. The XSS corpus and the odd-input corpus through every input the
// storefront reads (support/shopperInputs.ts): each answer is a sane page or a 4xx (never a 5xx, a stack trace or a
// hang), no page carries anything executable it did not put there itself (parse5 audit), redirects stay on the
// site, and nothing malformed reached the backend from the storefront's own code.

let stack: ChaosStack
let catalog: Catalog & { cursor: string }
let anonymous: Shopper
let signedIn: Shopper
const payloads = [...xssPayloads(), ...oddInputs()]
const counts = { 'xss payloads': xssPayloads().length, 'odd inputs': oddInputs().length, inputs: SHOPPER_INPUT_NAMES.length, 'payload x input placements': 0, requests: 0, '5xx': 0, 'audit findings': 0, 'unsafe redirects': 0, 'backend violations': 0 }

beforeAll(async () => {
  stack = await startChaosStack()
  const base = await discoverCatalog(stack.api.url)
  const page = await (await fetch(`${stack.api.url}/products/?page_size=24`)).json() as { next: string }
  catalog = { ...base, cursor: new URL(page.next).searchParams.get('cursor')! }
  anonymous = new Shopper(stack.web.url, 'anonymous')
  signedIn = new Shopper(stack.web.url, 'hostile')
  await signedIn.register('Hostile', 'Input')
})

afterAll(async () => {
  recordCounts('hostile-input', counts)
  await stack?.stop()
})

/** Runs `jobs` with at most `limit` at once (a crawler's burst, without swamping a shared machine). */
async function pool<T>(jobs: Array<() => Promise<T>>, limit = 4): Promise<T[]> {
  const results: T[] = []
  let next = 0
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < jobs.length) {
      const index = next++
      results[index] = await jobs[index]!()
    }
  }))
  return results
}

/** Every problem with one answer; empty when it is a sane page or a 4xx. */
function problemsOf(inputs: string, value: string, answer: Answer): string[] {
  const problems: string[] = []
  const what = `${inputs} = ${JSON.stringify(value).slice(0, 60)}`
  if (answer.status >= 500 || answer.status < 200) problems.push(`${what}: ${answer.status}`)
  if (answer.ms > 8_000) problems.push(`${what}: ${Math.round(answer.ms)} ms`)
  if (LEAKED_INTERNALS.test(answer.text)) problems.push(`${what}: internals in the answer`)
  if (answer.status >= 300 && answer.status < 400) {
    const location = answer.headers.get('location') ?? ''
    const onSite = location.startsWith(stack.web.url) || (location.startsWith('/') && !/^\/[/\\]/.test(location))
    if (!onSite) {
      counts['unsafe redirects'] += 1
      problems.push(`${what}: redirect to ${location}`)
    }
  }
  if ((answer.headers.get('content-type') ?? '').includes('text/html')) {
    const findings = auditHtml(answer.text)
    counts['audit findings'] += findings.length
    problems.push(...findings.map(finding => `${what}: ${finding}`))
  }
  return problems
}

async function send(placement: InputPlacement, value: string): Promise<string[]> {
  const request = placement.request(value, catalog)
  const inputs = placement.inputs.join(', ')
  const shopper = request.signedIn ? signedIn : anonymous
  const answer = await shopper.send(request.path, { method: request.method, body: request.body, accept: request.path.startsWith('/api/') ? 'application/json' : 'text/html' })
  counts.requests += 1
  counts['payload x input placements'] += placement.inputs.length
  if (answer.status >= 500) counts['5xx'] += 1
  const problems = problemsOf(inputs, value, answer)
  if (request.method === 'PATCH' && answer.status < 300) {
    // The shopper's own name, as they typed it, on the page that shows it (and in the header's account menu).
    const page = await signedIn.send(ACCOUNT_PATH)
    counts.requests += 1
    if (page.status >= 500) counts['5xx'] += 1
    problems.push(...problemsOf('profile page after renaming', value, page))
  }
  return problems
}

describe('hostile shopper input', () => {
  it.each(INPUT_PLACEMENTS.map(placement => [placement.inputs.join(', '), placement] as const))('%s: every payload gets a sane page or a 4xx, nothing executable, nothing malformed to the backend', async (_name, placement) => {
    stack.backend.clear()
    const problems = (await pool(payloads.map(value => () => send(placement, value)))).flat()
    expect(problems).toEqual([])
    // The /api proxy passes the browser's own calls on unchanged (the backend validates its API); the rest is ours.
    if (!placement.request('x', catalog).path.startsWith('/api/products/')) {
      const violations = backendViolations(stack.backend.requests)
      counts['backend violations'] += violations.length
      expect(violations).toEqual([])
    }
  })

  it('a malformed cursor never reaches the backend, and a well-formed unknown one is a 404', async () => {
    stack.backend.clear()
    expect((await anonymous.send('/products?cursor=%3Cscript%3E')).status).toBe(404)
    expect(stack.backend.requests.filter(r => r.url.includes('cursor='))).toEqual([])
    const unknown = await anonymous.send('/products?cursor=bm90LWEtY3Vyc29y')
    expect(unknown.status).toBe(404)
    expect(unknown.headers.get('x-cache')).toBe('UNCACHEABLE')
  })
})
