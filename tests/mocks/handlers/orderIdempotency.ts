import type { DemoDb } from '../db/DemoDb'
import type { StoredAnswer, UserRecord } from '../db/types'
import { detail } from '../http/responses'
import type { DemoProfile } from '../profile'

// POST /orders/ as backends other than the contract de-duplicate it (profile `idempotency`; docs/checkout.md).
// Each keeps what it stores in db.idempotentAnswers and the requests it is running in db.ordersInFlight.

export interface FlavourRequest {
  user: UserRecord
  key: string
  /** The body's fingerprint (canonical JSON). */
  print: string
  authorization: string
}

const wait = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms))

async function snapshot(print: string, response: Response): Promise<StoredAnswer> {
  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    headers[name] = value
  })
  return { print, status: response.status, body: await response.clone().text(), headers }
}

function replay(stored: StoredAnswer, status: number, extra: Record<string, string> = {}): Response {
  return new Response(stored.body, { status, headers: { ...stored.headers, ...extra } })
}

/** django-idempotency-key: requests with one key are serialized (its lock); only 2xx are kept; a replay is 409. */
async function django(db: DemoDb, req: FlavourRequest, processingMs: number, place: () => Response): Promise<Response> {
  // Its default encoder hashes the method, the path, the key and the request, Authorization included.
  const slot = `django POST /orders/ ${req.key} ${req.print} ${req.authorization}`
  const before = db.ordersInFlight.get(slot)
  let release!: () => void
  const mine = new Promise<void>((resolve) => {
    release = resolve
  })
  db.ordersInFlight.set(slot, (before ?? Promise.resolve()).then(() => mine))
  await before
  try {
    const stored = db.idempotentAnswers.get(slot)
    if (stored) return replay(stored, 409)
    await wait(processingMs)
    const response = place()
    if (response.ok) db.idempotentAnswers.set(slot, await snapshot(req.print, response))
    return response
  }
  finally {
    release()
  }
}

/** Stripe and the IETF draft: one request per key at a time (409 meanwhile); the first final answer is kept. */
async function keptAnswers(db: DemoDb, flavour: 'stripe' | 'ietf-draft', req: FlavourRequest, processingMs: number, place: () => Response): Promise<Response> {
  const slot = `${flavour} ${req.user.id} ${req.key}`
  if (db.ordersInFlight.has(slot)) {
    return detail(409, 'A request with this Idempotency-Key is still being processed. Try again later.')
  }
  const stored = db.idempotentAnswers.get(slot)
  if (stored) {
    if (stored.print !== req.print) {
      return flavour === 'stripe'
        ? detail(400, 'Keys for idempotent requests can only be used with the same parameters they were first used with.')
        : detail(422, 'This Idempotency-Key was already used with a different request payload.')
    }
    return replay(stored, stored.status, flavour === 'stripe' ? { 'Idempotent-Replayed': 'true' } : {})
  }
  db.ordersInFlight.set(slot, Promise.resolve())
  try {
    await wait(processingMs)
    const response = place()
    // Stripe keeps every answer once the endpoint ran (declines and 500s too), not a request that failed validation.
    const keep = flavour === 'ietf-draft' || response.status !== 400
    if (keep) db.idempotentAnswers.set(slot, await snapshot(req.print, response))
    return response
  }
  finally {
    db.ordersInFlight.delete(slot)
  }
}

export function placeWithFlavour(profile: Readonly<DemoProfile>, req: FlavourRequest, place: () => Response, db: DemoDb): Promise<Response> {
  if (profile.idempotency === 'django-idempotency-key') return django(db, req, profile.orderProcessingMs, place)
  if (profile.idempotency === 'stripe' || profile.idempotency === 'ietf-draft') return keptAnswers(db, profile.idempotency, req, profile.orderProcessingMs, place)
  throw new Error(`no flavour handler for ${profile.idempotency}`)
}
