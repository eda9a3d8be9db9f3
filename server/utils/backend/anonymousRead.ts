import type { H3Event } from 'h3'
import { throughBreaker, type BackendBreaker } from './breakerGate'
import { sendToBackend, type BackendTarget } from './sendToBackend'

/**
 * A GET of backend `path` sent as nobody: no Authorization, no contributor, no header of the asking request but its
 * request id, no client address (headerPolicy.ts, sharedReadHeaders), through the process's breaker and under the
 * gateway's timeout and error policy (sendToBackend.ts). What it reads may be shared (a render's public read, a
 * sitemap file built for every crawler asking), so nothing in it may depend on who asked. Not cancelled by the
 * asking request for the same reason: others may be waiting for it.
 */
export function anonymousRead(event: H3Event, target: BackendTarget, breaker: BackendBreaker | undefined, path: string): Promise<Response> {
  return throughBreaker(breaker, path, () => sendToBackend(event, target, {
    method: 'GET',
    path,
    headers: new Headers({ accept: 'application/json' }),
    via: 'render',
    anonymous: true,
  }))
}
