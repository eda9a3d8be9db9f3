// The "coded errors" flavour of a DRF backend: a custom EXCEPTION_HANDLER that adds each exception's default_code
// to DRF's `{"detail": "..."}` (rest_framework/exceptions.py). Stock DRF sends no code; see profile.ts.

const DEFAULT_CODES: Record<number, string> = {
  400: 'parse_error',
  401: 'authentication_failed',
  403: 'permission_denied',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  415: 'unsupported_media_type',
  429: 'throttled',
  500: 'error',
}

function codeFor(status: number, detail: string): string | undefined {
  if (status === 401 && detail === 'Authentication credentials were not provided.') return 'not_authenticated'
  return DEFAULT_CODES[status]
}

/** The same response, with `code` added to a `{"detail"}`-only error body; anything else passes unchanged. */
export async function withErrorCode(response: Response): Promise<Response> {
  if (response.status < 400 || !response.headers.get('content-type')?.includes('application/json')) return response
  const text = await response.clone().text()
  let body: unknown
  try {
    body = JSON.parse(text)
  }
  catch {
    return response
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return response
  const record = body as Record<string, unknown>
  if (typeof record.detail !== 'string' || 'code' in record) return response
  const code = codeFor(response.status, record.detail)
  if (!code) return response
  const headers = new Headers(response.headers)
  headers.delete('content-length')
  return new Response(JSON.stringify({ ...record, code }), { status: response.status, statusText: response.statusText, headers })
}
