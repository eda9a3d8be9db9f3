import type { DemoDb } from '../db/DemoDb'
import type { UserRecord } from '../db/types'
import type { TokenService } from '../auth/tokens'
import { HttpError, detail, notAuthenticated } from './responses'

export type Params = Record<string, string>

/** What a route handler gets: the request, its parsed parts and lazily-resolved auth. */
export interface DemoContext {
  request: Request
  db: DemoDb
  tokens: TokenService
  method: string
  /** Path after the base path, e.g. "/products/12/". */
  path: string
  params: Params
  query: URLSearchParams
  /** Absolute base URL as the client saw it (honours X-Forwarded-Host/Proto like Django's build_absolute_uri). */
  publicBase: string
  /** The request URL as the client saw it, for DRF-style `next` links. */
  publicUrl: URL
  /** The parsed JSON body; DRF's 400 on malformed JSON. */
  body(): Promise<unknown>
  /** The signed-in user; throws 401 when a Bearer token is present but not valid (DRF authenticates every request). */
  user(): Promise<UserRecord | null>
  requireUser(): Promise<UserRecord>
}

export function publicOrigin(request: Request, url: URL): string {
  const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim()
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim()
  return `${proto || url.protocol.replace(':', '')}://${host || url.host}`
}

export function createContext(input: { request: Request, url: URL, db: DemoDb, tokens: TokenService, basePath: string, path: string, params: Params }): DemoContext {
  const { request, url, db, tokens } = input
  const origin = publicOrigin(request, url)
  let bodyPromise: Promise<unknown> | undefined
  let userPromise: Promise<UserRecord | null> | undefined
  const context: DemoContext = {
    request,
    db,
    tokens,
    method: request.method,
    path: input.path,
    params: input.params,
    query: url.searchParams,
    publicBase: origin + input.basePath,
    publicUrl: new URL(url.pathname + url.search, origin),
    body() {
      bodyPromise ??= request.text().then((text) => {
        if (text.trim() === '') return {}
        try {
          return JSON.parse(text) as unknown
        }
        catch (error) {
          throw new HttpError(detail(400, `JSON parse error - ${(error as Error).message}`))
        }
      })
      return bodyPromise
    },
    user() {
      userPromise ??= tokens.authenticate(request.headers.get('authorization'))
      return userPromise
    },
    async requireUser() {
      const user = await context.user()
      if (!user) throw notAuthenticated()
      return user
    },
  }
  return context
}
