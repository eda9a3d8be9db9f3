/**
 * The one scrubber for monitoring data, used by the browser SDK, the server SDK and the /_monitoring tunnel
 * (docs/observability.md). Pure and synchronous: it takes Sentry events and breadcrumbs as plain JSON-like data
 * and returns a copy with nothing personal and no credential left in it. It fails closed: request bodies,
 * cookies, unknown headers, user data and local variables are dropped rather than cleaned.
 */

export const FILTERED = '[Filtered]'

type Json = Record<string, unknown>

/** Words that make a key's value personal or secret wherever it appears (headers, extra data, contexts, tags). */
const SENSITIVE_WORDS = new Set([
  'password', 'passwd', 'pwd', 'secret', 'token', 'tokens', 'auth', 'authorization', 'cookie', 'cookies', 'session',
  'sessionid', 'jwt', 'bearer', 'access', 'refresh', 'csrf', 'xsrf', 'apikey', 'email', 'mail', 'phone', 'mobile', 'tel',
  'telephone', 'surname', 'address', 'street', 'city', 'postal', 'postcode', 'zip', 'zipcode', 'card', 'cvc', 'cvv',
  'iban', 'payment', 'birth', 'birthday', 'dob', 'ip',
])
/** "name" alone is personal, and so is "first_name", "fullName", ...; "componentName" and "os.name" are not. */
const NAME_QUALIFIERS = new Set(['first', 'last', 'full', 'given', 'family', 'middle', 'user', 'display', 'customer', 'recipient', 'contact', 'billing', 'shipping'])

/** True for keys such as Authorization, X-Cart-Token, refresh, sf_cart, email, first_name, address.line1, cardNumber. */
export function isSensitiveKey(key: string): boolean {
  if (/^sf_/i.test(key)) return true
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean)
  if (words.length === 1 && words[0] === 'name') return true
  return words.some((word, i) => SENSITIVE_WORDS.has(word) || /^line\d$/.test(word) || (word === 'name' && NAME_QUALIFIERS.has(words[i - 1] ?? '')))
}

/** Header names that may be kept; everything else (Authorization, Cookie, X-Cart-Token, ...) is dropped. */
const KEPT_HEADERS = new Set(['accept', 'accept-language', 'content-type', 'content-length', 'host', 'referer', 'user-agent', 'x-request-id', 'sentry-trace'])

/** Contexts the SDKs fill with facts about the machine, not the shopper; their `name` keys are browser/OS names. */
const MACHINE_CONTEXTS = new Set(['app', 'browser', 'cloud_resource', 'culture', 'device', 'os', 'runtime'])

/** Patterns that are secret or personal in any free text: messages, exception values, URLs, tag values. */
const STRING_RULES: Array<[RegExp, string]> = [
  // JSON Web Tokens (SimpleJWT access and refresh tokens) anywhere in a string.
  [/\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g, FILTERED],
  // Credentials after an auth scheme ("Authorization: Bearer ...").
  [/\b(Bearer|Basic|Token|JWT)\s+[\w.~+/=-]{6,}/gi, `$1 ${FILTERED}`],
  // name=value or name: value where the name says secret (sf_cart=..., "refresh":"...", X-Cart-Token: ...).
  // The whole value goes, also when an earlier rule already filtered its start (a JWT, then more of the secret).
  [/\b([\w-]*(?:token|passw(?:or)?d|secret|session|cookie|refresh|access|jwt|csrf|sf_[a-z]+)[\w-]*)(["']?\s*[:=]\s*["']?)[^\s"'&;,]+/gi, `$1$2${FILTERED}`],
  // Payment tokens and client secrets (tok_visa, pm_..., pi_..._secret_...).
  [/\b\w+_secret_\w+/g, FILTERED],
  [/\b(?:tok|pm|src|card|btok|seti)_[A-Za-z0-9]{3,}\b/g, FILTERED],
  // Email addresses.
  [/[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b/gi, FILTERED],
  // International phone numbers (+44 20 7946 0958); national formats are only caught by key (phone, mobile).
  [/\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}\b/g, FILTERED],
  // Query values in any URL-like text: a search term or a reset token is the shopper's, not ours. Last, and the whole
  // value: "?q=jane@example.com+ada+lovelace" is "?q=[Filtered]+ada+lovelace" after the email rule, and the rest is
  // as personal as the email. Idempotent: "[Filtered]" becomes "[Filtered]".
  [/([?&][\w.[\]%-]+=)[^&#\s"']+/g, `$1${FILTERED}`],
]

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Free text with every secret-looking part replaced by "[Filtered]". */
export function scrubString(text: string): string {
  let out = text
  for (const [pattern, replacement] of STRING_RULES) out = out.replace(pattern, replacement)
  return out
}

/** A URL (absolute or a path) with its path scrubbed, every query value filtered (keys kept) and no fragment. */
export function scrubUrl(url: string): string {
  const [beforeHash = ''] = url.split('#', 1)
  const queryAt = beforeHash.indexOf('?')
  const path = scrubString(queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt))
  if (queryAt < 0) return path
  const keys = beforeHash.slice(queryAt + 1).split('&').filter(Boolean).map(pair => scrubString(pair.split('=', 1)[0] ?? ''))
  return keys.length ? `${path}?${keys.map(key => `${key}=${FILTERED}`).join('&')}` : path
}

/** Any JSON-like value: sensitive keys filtered, strings scrubbed, nesting past `depth` filtered. */
export function scrubValue(value: unknown, depth = 8): unknown {
  if (typeof value === 'string') return scrubString(value)
  if (value === null || typeof value !== 'object') return value
  if (depth <= 0) return FILTERED
  if (Array.isArray(value)) return value.map(item => scrubValue(item, depth - 1))
  const out: Json = {}
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSensitiveKey(key) && item !== null && item !== undefined && item !== '' ? FILTERED : scrubValue(item, depth - 1)
  }
  return out
}

function scrubHeaders(headers: unknown): Json | undefined {
  if (!isRecord(headers)) return undefined
  const out: Json = {}
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase()
    if (!KEPT_HEADERS.has(lower) || typeof value !== 'string') continue
    out[name] = lower === 'referer' ? scrubUrl(value) : scrubString(value)
  }
  return out
}

/** A bare query string ("q=ada+lovelace", with or without its "?"): keys kept, every value filtered. */
function scrubQueryString(query: string): string {
  const mark = query.startsWith('?') ? '?' : ''
  return `${mark}${scrubUrl(`?${query.slice(mark.length)}`).slice(1)}`
}

function scrubQuery(query: unknown): unknown {
  if (typeof query === 'string') return scrubQueryString(query).replace(/^\?/, '')
  if (Array.isArray(query)) return query.map(pair => (Array.isArray(pair) ? [scrubString(String(pair[0])), FILTERED] : FILTERED))
  if (isRecord(query)) return Object.fromEntries(Object.keys(query).map(key => [scrubString(key), FILTERED]))
  return undefined
}

/** The request an event describes: method, scrubbed URL and query, a few harmless headers; never body or cookies. */
function scrubRequest(request: Json): Json {
  const out: Json = {}
  if (typeof request.method === 'string') out.method = request.method
  if (typeof request.url === 'string') out.url = scrubUrl(request.url)
  const query = scrubQuery(request.query_string)
  if (query !== undefined) out.query_string = query
  const headers = scrubHeaders(request.headers)
  if (headers) out.headers = headers
  return out
}

/**
 * Span, trace and breadcrumb data keys (OpenTelemetry and Sentry attribute names) whose value is a URL or a path
 * that may carry a query: url, http.url, url.full, http.target ("/search?q=..."), url.path, lcp.url,
 * code.filepath (an inline script's is the page's URL), nel.referrer, navigation breadcrumbs' from and to.
 */
const URL_DATA_KEY = /^(?:from|to)$|(?:^|[._])(?:url|uri|href|full|target|path|filepath|referr?er)$/i
/** A query string without its "?" (http.query, as the Node SDK sends it) or with it (url.query). */
const QUERY_DATA_KEY = /(?:^|\.)query(?:_string)?$/
/** Fragments (http.fragment, url.fragment) and the router's copy of what the shopper typed: query.q, params.id. */
const SHOPPER_INPUT_KEY = /(?:^|\.)fragment$|^(?:query|params|url\.path\.parameter)\./
/** Headers recorded as attributes: http.request.header.user_agent, http.response.header.set_cookie. */
const HEADER_DATA_KEY = /^http\.(?:request|response)\.header\.(.+)$/

/** One data attribute fit to send, or undefined when it is dropped. Keys are checked like anywhere else. */
function scrubDataValue(key: string, value: unknown): unknown {
  const header = HEADER_DATA_KEY.exec(key)?.[1]?.toLowerCase().replace(/_/g, '-')
  if (header !== undefined) {
    if (!KEPT_HEADERS.has(header) || typeof value !== 'string') return undefined
    return header === 'referer' ? scrubUrl(value) : scrubString(value)
  }
  if (value === null || value === undefined || value === '') return value
  if (SHOPPER_INPUT_KEY.test(key)) return FILTERED
  if (QUERY_DATA_KEY.test(key)) return typeof value === 'string' ? scrubQueryString(value) : scrubQuery(value) ?? FILTERED
  if (typeof value === 'string' && URL_DATA_KEY.test(key)) return scrubUrl(value)
  // net.peer.ip, http.client_ip, user.email: the same key rule as in extra data and contexts.
  return isSensitiveKey(key) ? FILTERED : scrubValue(value, 6)
}

function scrubData(data: Json): Json {
  const out: Json = {}
  for (const [key, value] of Object.entries(data)) {
    const scrubbed = scrubDataValue(key, value)
    if (scrubbed !== undefined) out[key] = scrubbed
  }
  return out
}

// DOM breadcrumbs name the clicked element by attributes; labels and titles can carry a shopper's name.
const LABEL_ATTRIBUTE = /\[(aria-label|title|alt|placeholder|value)="[^"]*"\]/g

/** A breadcrumb fit to send. Console arguments are dropped: only the scrubbed message stays. */
export function scrubBreadcrumb<T extends object>(breadcrumb: T): T {
  const crumb: Json = { ...(breadcrumb as Json) }
  const category = typeof crumb.category === 'string' ? crumb.category : ''
  if (typeof crumb.message === 'string') {
    const message = category.startsWith('ui.') ? crumb.message.replace(LABEL_ATTRIBUTE, `[$1="${FILTERED}"]`) : crumb.message
    crumb.message = scrubString(message)
  }
  if (category === 'console') delete crumb.data
  else if (isRecord(crumb.data)) crumb.data = scrubData(crumb.data)
  return crumb as T
}

const FRAME_URL_KEYS = ['filename', 'abs_path', 'module'] as const

/**
 * A stack frame without local variables (a password, a token in a closure) and with its file named without a query:
 * an inline <script> is named after the page's URL, query and all.
 */
function scrubFrame(frame: unknown): unknown {
  if (!isRecord(frame)) return frame
  const { vars: _vars, ...rest } = frame
  for (const key of FRAME_URL_KEYS) {
    const value = rest[key]
    if (typeof value === 'string') rest[key] = scrubUrl(value)
  }
  return rest
}

/** A copy of an exception, thread or event whose stack frames went through scrubFrame. */
function scrubStacktrace(holder: unknown): unknown {
  if (!isRecord(holder) || !isRecord(holder.stacktrace) || !Array.isArray(holder.stacktrace.frames)) return holder
  return { ...holder, stacktrace: { ...holder.stacktrace, frames: holder.stacktrace.frames.map(scrubFrame) } }
}

function scrubExceptions(event: Json): void {
  const exception = event.exception
  if (!isRecord(exception) || !Array.isArray(exception.values)) return
  exception.values = exception.values.map((value: unknown) => {
    if (!isRecord(value)) return value
    const copy: Json = { ...value }
    if (typeof copy.value === 'string') copy.value = scrubString(copy.value)
    if (isRecord(copy.mechanism) && isRecord(copy.mechanism.data)) copy.mechanism = { ...copy.mechanism, data: scrubValue(copy.mechanism.data, 4) }
    return scrubStacktrace(copy)
  })
}

function scrubContexts(contexts: Json): Json {
  const out: Json = {}
  for (const [name, context] of Object.entries(contexts)) {
    if (MACHINE_CONTEXTS.has(name)) out[name] = context
    else if (name === 'trace' && isRecord(context)) out[name] = { ...context, ...(isRecord(context.data) ? { data: scrubData(context.data) } : {}) }
    else out[name] = scrubValue(context, 6)
  }
  return out
}

function scrubSpans(spans: unknown[]): unknown[] {
  return spans.map((span) => {
    if (!isRecord(span)) return span
    const copy: Json = { ...span }
    if (typeof copy.description === 'string') copy.description = scrubString(copy.description)
    if (isRecord(copy.data)) copy.data = scrubData(copy.data)
    return copy
  })
}

/**
 * An event (error or transaction) fit to send. Drops `user` (sendDefaultPii is off anyway), request bodies,
 * cookies and all but a few headers; scrubs messages, exception values, URLs, tags, extra data, contexts,
 * breadcrumbs and spans.
 */
export function scrubEvent<T extends object>(input: T): T {
  const event: Json = { ...(input as Json) }
  delete event.user
  if (isRecord(event.request)) event.request = scrubRequest(event.request)
  if (typeof event.message === 'string') event.message = scrubString(event.message)
  if (isRecord(event.logentry)) event.logentry = scrubValue(event.logentry, 3)
  if (typeof event.transaction === 'string') event.transaction = scrubUrl(event.transaction)
  scrubExceptions(event)
  if (isRecord(event.threads) && Array.isArray(event.threads.values)) {
    event.threads = { ...event.threads, values: event.threads.values.map(scrubStacktrace) }
  }
  if (isRecord(event.stacktrace)) event.stacktrace = (scrubStacktrace({ stacktrace: event.stacktrace }) as Json).stacktrace
  if (isRecord(event.extra)) event.extra = scrubValue(event.extra)
  if (isRecord(event.tags)) event.tags = scrubValue(event.tags, 2)
  if (isRecord(event.contexts)) event.contexts = scrubContexts(event.contexts)
  if (Array.isArray(event.breadcrumbs)) {
    event.breadcrumbs = event.breadcrumbs.filter(isRecord).map(crumb => scrubBreadcrumb(crumb))
  }
  if (Array.isArray(event.spans)) event.spans = scrubSpans(event.spans)
  return event as T
}
