import type { H3Event } from 'h3'
import { callBackend } from './backend'
import type { AuthDeps } from './deps'
import { expiringStore } from './expiringStore'
import { jwtExpiresAt } from './jwt'
import { withTimeout } from './renderSessionCache'
import { tokenHash } from './tokenHash'

/**
 * A sign-out the backend did not hear of. `POST /api/auth/logout` clears the cookie whatever happens, but when the
 * backend cannot be reached (breaker open, timeout, refused, 5xx) SimpleJWT never blacklists the refresh token, and
 * a copy of it would stay good until it expires. So the BFF keeps the token until the blacklist call goes through:
 *
 * - `revoking:<sha256>`: the token itself (SimpleJWT's blacklist endpoint takes nothing else), kept only in the
 *   `auth` storage, until the token's own `exp` (after which it is worthless), never in a key or a log line, and
 *   removed once the backend has it. While it is there, the BFF refuses that token itself (isRevocationPending).
 * - `revoking-due`: there is something to retry (so a request costs one read when there is nothing).
 * - the retry is made by later requests through the BFF, in the background (retryDeferredRevocations): whichever
 *   instance serves them. `revoking-sweep:<slot>` (one sweep per SWEEP_EVERY_MS window of the clock across instances) and
 *   `revoking-claim:<sha256>` (one blacklist call per token at a time) are claims (storage/claim.ts): two instances
 *   never both send the same token.
 *
 * Why requests rather than a Nitro scheduled task: every instance would run the task on its own schedule (so it needs
 * the same claims anyway), it is an experimental feature that does not run on serverless presets, and it has no
 * request, so no gateway (breaker, timeout) and no request id to follow. A request is there exactly when the
 * storefront is in use, on whichever instance is alive.
 */
interface Deferred {
  refresh: string
}

const PENDING = 'revoking:'
const DUE = 'revoking-due'
const SWEEP = 'revoking-sweep'
const CLAIM = 'revoking-claim:'
/** At most one sweep this often across all instances, while something is due. */
export const SWEEP_EVERY_MS = 10_000
/** Backend calls one sweep makes at most (in one request's background); the next window takes the rest. */
const MAX_PER_SWEEP = 50
/** Longer than any backend call may take (the gateway's timeout): only one instance's call is ever in flight. */
const CLAIM_MS = 30_000

/** A failure that may pass: the backend was away or busy. Any other answer (401 spent/expired, 404 no blacklist app) is final. */
export function isPassingFailure(status: number): boolean {
  return status >= 500 || status === 429 || status === 408
}

function warn(action: string, error: unknown): void {
  console.warn(`[auth] deferred sign-out ${action} failed`, error instanceof Error ? error.message : error)
}

/** Something is due until `expiresAt` (the marker lives as long as the longest-lived deferred token). */
async function markDue(deps: AuthDeps, expiresAt: number): Promise<void> {
  const store = expiringStore<number>(deps.sessions, deps.now)
  const due = await withTimeout(store.get(DUE))
  if (typeof due !== 'number' || due < expiresAt) await withTimeout(store.set(DUE, expiresAt, expiresAt - deps.now()))
}

/**
 * After a sign-out whose blacklist call could not be made: keep the token to blacklist later. False when the
 * storage would not keep it (the token then lives to its expiry at the backend, as before this existed).
 */
export async function deferRevocation(deps: AuthDeps, refresh: string): Promise<boolean> {
  const expiresAt = jwtExpiresAt(refresh)
  const ttlMs = (expiresAt ?? 0) - deps.now()
  // An expired token (or one without exp, which SimpleJWT never issues) has nothing left to revoke.
  if (ttlMs <= 0) return true
  const store = expiringStore<unknown>(deps.sessions, deps.now)
  try {
    await withTimeout(store.set(PENDING + tokenHash(refresh), { refresh } satisfies Deferred, ttlMs))
    // After the record: a sweep that found nothing and dropped the marker sees this record when it looks again.
    await markDue(deps, expiresAt!)
    return true
  }
  catch (error) {
    warn('record', error)
    return false
  }
}

/** Whether this token was signed out while the backend could not be told: the BFF must not honour it. */
export async function isRevocationPending(deps: AuthDeps, refresh: string): Promise<boolean> {
  try {
    return await withTimeout(expiringStore<unknown>(deps.sessions, deps.now).get(PENDING + tokenHash(refresh))) !== undefined
  }
  catch {
    // Unknown: every other read of this storage fails too, so the session cannot be used from it either. Not
    // logged: the render session's read says so already, and a Redis outage is reported once (sharedStorage.ts).
    return false
  }
}

/** One deferred token: claimed, sent, and forgotten once the backend has answered for good. */
async function retryOne(event: H3Event, deps: AuthDeps, hash: string): Promise<'done' | 'busy' | 'failed'> {
  // Another instance is sending it right now.
  if (!await withTimeout(deps.claim(CLAIM + hash, CLAIM_MS))) return 'busy'
  const store = expiringStore<Deferred>(deps.sessions, deps.now)
  const record = await withTimeout(store.get(PENDING + hash))
  // Sent by another instance meanwhile, or expired: nothing left to do.
  if (typeof record?.refresh !== 'string') return 'done'
  const answer = await callBackend(event, deps.apiBase, '/auth/token/blacklist/', {
    method: 'POST',
    body: { refresh: record.refresh },
    onOwnAccount: { publicOrigin: deps.siteUrl },
  })
  if (!answer.ok && isPassingFailure(answer.status)) {
    // Let the next sweep try again rather than wait for the claim to lapse.
    await withTimeout(deps.sessions.removeItem(CLAIM + hash)).catch(() => undefined)
    return 'failed'
  }
  await withTimeout(store.remove(PENDING + hash))
  return 'done'
}

async function pendingHashes(deps: AuthDeps): Promise<string[]> {
  const keys = await withTimeout(deps.sessions.getKeys(PENDING))
  return keys.map(key => key.slice(key.lastIndexOf(':') + 1)).filter(hash => /^[0-9a-f]{64}$/.test(hash))
}

/** Sends every deferred token the backend has not had yet, until one fails (the rest would fail the same way). */
async function sweep(event: H3Event, deps: AuthDeps, force: boolean): Promise<void> {
  const store = expiringStore<number>(deps.sessions, deps.now)
  // A storage that does not answer: nothing can be retried now, and its outage is reported elsewhere (see above).
  if (!force && await withTimeout(store.get(DUE)).catch(() => undefined) === undefined) return
  // One sweep per window of the clock, whichever instance comes first: during an outage requests do not each try.
  const everyMs = deps.revocationRetryMs ?? SWEEP_EVERY_MS
  if (!await withTimeout(deps.claim(`${SWEEP}:${Math.floor(deps.now() / everyMs)}`, 2 * everyMs))) return
  const hashes = await pendingHashes(deps)
  let left = hashes.length > MAX_PER_SWEEP
  for (const hash of hashes.slice(0, MAX_PER_SWEEP)) {
    const outcome = await retryOne(event, deps, hash)
    if (outcome === 'failed') return
    if (outcome === 'busy') left = true
  }
  if (left) return
  // Nothing left: drop the marker, then look once more, so a sign-out deferred meanwhile is not left unmarked.
  await withTimeout(store.remove(DUE))
  const records = expiringStore<Deferred>(deps.sessions, deps.now)
  for (const hash of await pendingHashes(deps)) {
    const expiresAt = jwtExpiresAt((await withTimeout(records.get(PENDING + hash)))?.refresh ?? '')
    if (expiresAt && expiresAt > deps.now()) await markDue(deps, expiresAt)
  }
}

/**
 * Retries deferred sign-outs in the background of `event` (any request through the BFF), without holding its
 * answer. `force`: this request presented a deferred token, so there is certainly something to send.
 */
export function retryDeferredRevocations(event: H3Event, deps: AuthDeps, force = false): void {
  const work = sweep(event, deps, force).catch(error => warn('retry', error))
  // Nitro keeps the event's background work alive (event.waitUntil); a bare h3 app (tests) just lets it run.
  const keep = (event as { waitUntil?: (promise: Promise<unknown>) => void }).waitUntil
  if (typeof keep === 'function') keep.call(event, work)
}
