/**
 * Reads claims of a token the backend just gave us, without verifying it: the BFF only uses them for
 * bookkeeping (cookie lifetime, whose session it is). The backend verifies every token it receives.
 */
export function jwtClaims(token: string): Record<string, unknown> | null {
  const payload = token.split('.')[1]
  if (!payload) return null
  try {
    const json: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    return typeof json === 'object' && json !== null && !Array.isArray(json) ? json as Record<string, unknown> : null
  }
  catch {
    return null
  }
}

/** `exp` in epoch ms, if the token has one. */
export function jwtExpiresAt(token: string): number | undefined {
  const exp = jwtClaims(token)?.exp
  return typeof exp === 'number' ? exp * 1000 : undefined
}

/** SimpleJWT's default user claim. */
export function jwtUserId(token: string): string | undefined {
  const id = jwtClaims(token)?.user_id
  return typeof id === 'number' || typeof id === 'string' ? String(id) : undefined
}
