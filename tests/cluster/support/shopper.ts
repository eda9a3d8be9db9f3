/** One answer as the shopper's browser got it; status 0 when no HTTP answer came (connection failed). */
export interface Answer<T = unknown> {
  status: number
  headers: Headers
  body: T
  text: string
  /** The network error, when status is 0. */
  error?: string
}

/**
 * A browser as the storefront sees it, on any instance or the load balancer: one cookie jar (httpOnly cookies
 * included, deletions honoured), the access token in memory once signed in, and the BFF's CSRF proof on unsafe
 * calls (Origin is the shop's public origin, which every instance accepts).
 */
export class Shopper {
  readonly cookies = new Map<string, string>()
  access: string | undefined

  constructor(private readonly siteUrl: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  async call<T = unknown>(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
    const all: Record<string, string> = { accept: 'application/json', ...headers }
    if (method !== 'GET' && method !== 'HEAD') Object.assign(all, { 'origin': this.siteUrl, 'x-requested-with': 'storefront' })
    if (body !== undefined) all['content-type'] = 'application/json'
    if (this.access && path.startsWith('/api/') && !path.startsWith('/api/auth/')) all.authorization = `Bearer ${this.access}`
    if (this.cookies.size) all.cookie = this.cookieHeader()
    let response: Response
    try {
      response = await fetch(base + path, { method, headers: all, body: body === undefined ? undefined : JSON.stringify(body), redirect: 'manual' })
    }
    catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause
      return { status: 0, headers: new Headers(), body: undefined as T, text: '', error: cause?.code ?? String(error) }
    }
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const eq = pair.indexOf('=')
      const name = pair.slice(0, eq).trim()
      const value = pair.slice(eq + 1).trim()
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : undefined
    }
    catch { /* HTML or nginx's error page: kept as text */ }
    return { status: response.status, headers: response.headers, body: parsed as T, text }
  }

  get<T = unknown>(base: string, path: string, headers?: Record<string, string>) {
    return this.call<T>(base, 'GET', path, undefined, headers)
  }

  post<T = unknown>(base: string, path: string, body?: unknown, headers?: Record<string, string>) {
    return this.call<T>(base, 'POST', path, body, headers)
  }

  /** Registers through the BFF and keeps the session (refresh cookie + access token), as the app does. */
  async register(base: string, email: string, firstName = 'Cluster'): Promise<Answer<{ access: string }>> {
    const answer = await this.post<{ access: string }>(base, '/api/auth/register', { email, password: 'cluster-password-1', first_name: firstName, last_name: 'Shopper' })
    if (answer.status === 201) this.access = answer.body.access
    return answer
  }
}

export interface CartLine {
  id: number
  product_id: number
  quantity: number
}

/** product id -> quantity, for comparing carts (the BFF's answer, as the backend's: `items`). */
export function quantities(cart: { items?: CartLine[] } | undefined): Record<number, number> {
  return Object.fromEntries((cart?.items ?? []).map(line => [line.product_id, line.quantity]))
}
