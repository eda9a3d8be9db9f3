import { expect } from '@playwright/test'

// The walks' own calls to the real backend (shopper.spec.ts, browsing.spec.ts): set-up and checks beside what the
// storefront does. A shopper's token is signed for again when it has expired, so the walks also run against a
// backend started with a short DRF_REAL_ACCESS_SECONDS (the storefront then refreshes mid-session throughout).

export const API = process.env.DRF_REAL_API!
export const PASSWORD = 'Walk-horse-battery-9'

/** Token -> its shopper's email: who to sign in again when DRF says the token expired. */
const owners = new Map<string, string>()
/** Token first handed out -> the newest one for the same shopper. */
const renewed = new Map<string, string>()

export interface CallInit { method?: string, body?: unknown, token?: string, key?: string }

async function send<T>(path: string, init: CallInit, token: string | undefined): Promise<{ status: number, body: T }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (token) headers.authorization = `Bearer ${token}`
  if (init.key) headers['idempotency-key'] = init.key
  const response = await fetch(`${API}${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) })
  const text = await response.text()
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T }
}

async function signFor(email: string): Promise<string> {
  const answer = await send<{ access: string }>('/auth/token/', { method: 'POST', body: { email, password: PASSWORD } }, undefined)
  expect(answer.status).toBe(200)
  return answer.body.access
}

export async function call<T>(path: string, init: CallInit = {}): Promise<{ status: number, body: T }> {
  const token = init.token && (renewed.get(init.token) ?? init.token)
  const answer = await send<T>(path, init, token)
  const owner = init.token && owners.get(init.token)
  if (answer.status !== 401 || !owner) return answer
  const fresh = await signFor(owner)
  renewed.set(init.token!, fresh)
  return send<T>(path, init, fresh)
}

/** A registered shopper (first name Wanda) and an access token for the walk's own calls. */
export async function newShopper(label: string, prefix = 'drf-walk'): Promise<{ email: string, token: string }> {
  const email = `${prefix}-${label}-${Date.now().toString(36)}@example.com`
  expect((await call('/auth/register/', { method: 'POST', body: { email, password: PASSWORD, first_name: 'Wanda', last_name: 'Walk' } })).status).toBe(201)
  const token = await signFor(email)
  owners.set(token, email)
  return { email, token }
}
