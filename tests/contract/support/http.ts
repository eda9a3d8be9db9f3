// A deliberately plain HTTP client for the contract suite: it must see exactly what the backend sends.

export interface ApiResponse<T = unknown> {
  status: number
  headers: Headers
  /** Parsed JSON, or undefined when the body is empty or not JSON. */
  body: T
  text: string
}

export interface CallOptions {
  method?: string
  body?: unknown
  /** Access token for `Authorization: Bearer`. */
  token?: string
  headers?: Record<string, string>
}

export function createClient(base: string) {
  const root = base.replace(/\/+$/, '')
  async function call<T = unknown>(pathOrUrl: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
    const url = /^https?:/.test(pathOrUrl) ? pathOrUrl : `${root}${pathOrUrl}`
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers }
    if (options.body !== undefined) headers['Content-Type'] = 'application/json'
    if (options.token) headers.Authorization = `Bearer ${options.token}`
    const response = await fetch(url, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      redirect: 'manual',
    })
    const text = await response.text()
    let body: unknown
    try {
      body = text ? JSON.parse(text) : undefined
    }
    catch {
      body = undefined
    }
    return { status: response.status, headers: response.headers, body: body as T, text }
  }
  return { base: root, call }
}

export type ContractClient = ReturnType<typeof createClient>
