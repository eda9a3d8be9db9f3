import type { TokenPairDto } from '../../../services/dto'
import type { DemoDb } from '../db/DemoDb'
import type { UserRecord } from '../db/types'
import { REFRESH_TTL_S } from '../seed/constants'
import { HttpError, detail } from '../http/responses'
import { createJwtCodec } from './jwt'
import type { JwtClaims } from './jwt'

/** SimpleJWT semantics: access + refresh pairs, rotation with blacklisting, 401 `token_not_valid`. */
export interface TokenService {
  issuePair(user: UserRecord): Promise<TokenPairDto>
  /** Rotates: blacklists the given refresh token and returns a new pair. */
  refresh(refreshToken: string): Promise<TokenPairDto>
  blacklist(refreshToken: string): Promise<void>
  /** Blacklists every refresh token issued to the user (after a password reset), as SimpleJWT's OutstandingTokens allow. */
  blacklistAllOf(userId: number): void
  /** Resolves the `Authorization` header; null when there is none (or another scheme). */
  authenticate(header: string | null): Promise<UserRecord | null>
}

const ACCESS_INVALID_MESSAGES = [{ token_class: 'AccessToken', token_type: 'access', message: 'Token is invalid or expired' }]

function tokenNotValid(message: string, messages?: typeof ACCESS_INVALID_MESSAGES): HttpError {
  return new HttpError(detail(401, message, 'token_not_valid', messages ? { messages } : {}, { 'WWW-Authenticate': 'Bearer realm="api"' }))
}

export function createTokenService(db: DemoDb, accessTtlS: number, secret = 'demo-backend-not-a-secret'): TokenService {
  const codec = createJwtCodec(secret)
  const nowS = () => Math.floor(db.now() / 1000)

  const issuePair = async (user: UserRecord): Promise<TokenPairDto> => {
    const iat = nowS()
    const claims = (token_type: JwtClaims['token_type'], ttl: number): JwtClaims =>
      ({ token_type, exp: iat + ttl, iat, jti: crypto.randomUUID().replace(/-/g, ''), user_id: user.id })
    const refreshClaims = claims('refresh', REFRESH_TTL_S)
    const outstanding = db.outstanding.get(user.id) ?? new Set<string>()
    db.outstanding.set(user.id, outstanding.add(refreshClaims.jti))
    const [access, refresh] = await Promise.all([codec.sign(claims('access', accessTtlS)), codec.sign(refreshClaims)])
    return { access, refresh }
  }

  const verifyRefresh = async (token: string): Promise<JwtClaims> => {
    const claims = await codec.verify(token)
    if (!claims || claims.token_type !== 'refresh' || claims.exp <= nowS()) throw tokenNotValid('Token is invalid or expired')
    return claims
  }

  return {
    issuePair,

    async refresh(refreshToken) {
      const claims = await verifyRefresh(refreshToken)
      // Check and blacklist with no await in between: two concurrent refreshes with one token cannot both win.
      if (db.blacklist.has(claims.jti)) throw tokenNotValid('Token is blacklisted')
      db.blacklist.add(claims.jti)
      const user = db.users.get(claims.user_id)
      if (!user) throw new HttpError(detail(401, 'User not found', 'user_not_found'))
      return issuePair(user)
    },

    async blacklist(refreshToken) {
      const claims = await verifyRefresh(refreshToken)
      if (db.blacklist.has(claims.jti)) throw tokenNotValid('Token is blacklisted')
      db.blacklist.add(claims.jti)
    },

    blacklistAllOf(userId) {
      for (const jti of db.outstanding.get(userId) ?? []) db.blacklist.add(jti)
    },

    async authenticate(header) {
      if (!header) return null
      const parts = header.trim().split(/\s+/)
      if (parts[0] !== 'Bearer') return null
      if (parts.length !== 2) {
        throw new HttpError(detail(401, 'Authorization header must contain two space-delimited values', 'bad_authorization_header'))
      }
      const claims = await codec.verify(parts[1] as string)
      if (!claims || claims.token_type !== 'access' || claims.exp <= nowS()) {
        throw tokenNotValid('Given token not valid for any token type', ACCESS_INVALID_MESSAGES)
      }
      const user = db.users.get(claims.user_id)
      if (!user) throw new HttpError(detail(401, 'User not found', 'user_not_found'))
      return user
    },
  }
}
