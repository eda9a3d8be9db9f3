import type { H3Event } from 'h3'
import type { TokenPairDto } from '../../../services/dto'
import { callBackend, type BackendFailure } from './backend'
import type { AuthDeps } from './deps'
import { expiringStore } from './expiringStore'
import { isKnownSignIn } from './revocation'
import { seal, unseal } from './sealed'
import { tokenHash } from './tokenHash'

export type RotationOutcome =
  | { ok: true, pair: TokenPairDto }
  | ({ ok: false } & BackendFailure)

function graceKey(refresh: string): string {
  return `rotated:${tokenHash(refresh)}`
}

function isPair(value: unknown): value is TokenPairDto {
  const pair = value as Partial<TokenPairDto> | undefined
  return typeof pair?.access === 'string' && typeof pair.refresh === 'string'
}

/**
 * Trades a refresh token for a new pair at the backend (which blacklists the old one).
 *
 * Two requests presenting the same cookie at once (two tabs reloading, an SSR render and a client refresh)
 * would otherwise race: the backend rotates for the first and answers 401 to the second, signing the shopper
 * out. So the winner's pair is kept for `graceMs` under a hash of the old token, and a loser that got a 401
 * waits briefly for it. The pair lives in shared storage, so this also holds across Nitro instances on Redis.
 */
export async function rotateRefreshToken(event: H3Event, deps: AuthDeps, refresh: string): Promise<RotationOutcome> {
  // Sealed with the old token, like the render session (sealed.ts): only a request presenting it can open the new
  // pair, and a copy of the storage (a Redis dump, a replica) holds no usable token.
  const grace = expiringStore<string>(deps.sessions, deps.now)
  const key = graceKey(refresh)
  const kept = async (): Promise<TokenPairDto | undefined> => {
    const pair = unseal<unknown>(await grace.get(key), refresh)
    return isPair(pair) ? { access: pair.access, refresh: pair.refresh } : undefined
  }
  const cached = await kept()
  if (cached) return { ok: true, pair: cached }

  const result = await callBackend<Partial<Record<keyof TokenPairDto, unknown>>>(event, deps.apiBase, '/auth/token/refresh/', { method: 'POST', body: { refresh } })
  const answer = result.ok ? result.data : undefined
  if (typeof answer?.access === 'string' && (answer.refresh === undefined || typeof answer.refresh === 'string')) {
    // SimpleJWT's default (ROTATE_REFRESH_TOKENS = False) answers {access} only: the refresh token goes on as it is.
    const pair = { access: answer.access, refresh: answer.refresh ?? refresh }
    await grace.set(key, seal(pair, refresh), deps.rotation.graceMs)
    return { ok: true, pair }
  }
  if (result.ok) return { ok: false, status: 502, body: { detail: 'The shop answered with something we could not read.', code: 'bad_response' } }
  if (result.status !== 401) return result

  // Refused: either the token is really spent, or a concurrent request with the same token just won.
  // Only a token this BFF issued can have a concurrent winner; a forged or ancient cookie is refused at once
  // instead of holding every render that carries it for the whole wait.
  if (!await isKnownSignIn(deps, refresh)) return result
  const polls = Math.ceil(deps.rotation.waitMs / deps.rotation.pollMs)
  for (let i = 0; i < polls; i++) {
    await new Promise(resolve => setTimeout(resolve, deps.rotation.pollMs))
    const winner = await kept()
    if (winner) return { ok: true, pair: winner }
  }
  return result
}
