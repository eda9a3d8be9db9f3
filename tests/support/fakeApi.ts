import { ApiError } from '~/composables/core/api/ApiError'
import { MESSAGES } from '~/composables/core/api/messages'
import type { ApiClient, ApiRequestOptions, HttpMethod, QueryParams } from '~/composables/core/api/types'

/** One request a service made through the fake transport. */
export interface FakeCall {
  method: HttpMethod
  path: string
  query: QueryParams
  body: unknown
  options: ApiRequestOptions
  signal: AbortSignal | undefined
  /** Whether it was answered (or aborted) yet. */
  settled: boolean
  /** Answer a held call with a body. */
  resolve: (body: unknown) => void
  /** Fail a held call (an ApiError, as the real transport would). */
  reject: (error: unknown) => void
  /** Hands the call to the network (its `onSent`): at once, unless the fake was made with `sending: 'held'`. */
  send: () => void
}

/** A scripted answer: a body, an Error to reject with, or a function of the call that returns or throws one. */
export type Answer = unknown

export interface FakeApiOptions {
  /** What happens to a call no script answers: it waits for the test (`hold`, default) or fails at once (`fail`). */
  unscripted?: 'hold' | 'fail'
  /**
   * When a call counts as sent (its `onSent` is called): `'at once'` (default), as a transport that has its code and
   * a token; `'held'`: only when the test calls `call.send()`, as one still waiting for them when the page is left.
   */
  sending?: 'at once' | 'held'
}

export interface FakeApi {
  /** The ApiClient to hand to services (or install with useFakeApi / installApi). */
  api: ApiClient
  /** Every call, in order. */
  calls: FakeCall[]
  /** Answers calls to `method path` with `answers` in turn; the last one repeats. */
  on: (method: HttpMethod, path: string, ...answers: Answer[]) => FakeApi
  /** Calls to a path (any method unless given), in order. */
  callsTo: (path: string, method?: HttpMethod) => FakeCall[]
}

/** An ApiError as the transport makes them, e.g. apiError(503) or apiError(400, 'Invalid.', { email: ['Taken.'] }). */
export function apiError(status: number, message = `Error ${status}`, fieldErrors: Record<string, string[]> = {}): ApiError {
  return new ApiError({ status, code: status ? `http_${status}` : 'network_error', message, fieldErrors, retryable: status === 0 || status >= 500 })
}

function aborted(): ApiError {
  return new ApiError({ status: 0, code: 'aborted', message: MESSAGES.aborted, fieldErrors: {}, retryable: false })
}

/**
 * A fake transport for store, composable and service tests. Calls either follow a script (`on`) or wait until the
 * test answers them (`calls[i].resolve(...)`), so ordering, overlap and late answers are under the test's control.
 * An aborted call rejects with an `aborted` ApiError, as the real transport does, even if the test answers it later.
 */
export function createFakeApi(options: FakeApiOptions = {}): FakeApi {
  const calls: FakeCall[] = []
  const scripts = new Map<string, Answer[]>()

  function scripted(call: FakeCall): Answer[] | undefined {
    return scripts.get(`${call.method} ${call.path}`)
  }

  function send<T>(method: HttpMethod, path: string, query: QueryParams | undefined, body: unknown, requestOptions: ApiRequestOptions = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const call: FakeCall = {
        method,
        path,
        query: query ?? {},
        body,
        options: requestOptions,
        signal: requestOptions.signal,
        settled: false,
        resolve: (value) => {
          if (call.settled) return
          call.settled = true
          resolve(value as T)
        },
        reject: (error) => {
          if (call.settled) return
          call.settled = true
          reject(error)
        },
        send: () => requestOptions.onSent?.(),
      }
      calls.push(call)
      if (options.sending !== 'held' && !call.signal?.aborted) call.send()
      if (call.signal?.aborted) return call.reject(aborted())
      call.signal?.addEventListener('abort', () => call.reject(aborted()))
      const answers = scripted(call)
      if (!answers) {
        if (options.unscripted === 'fail') call.reject(new Error(`unexpected ${method} ${path}`))
        return
      }
      const answer = answers.length > 1 ? answers.shift() : answers[0]
      // Answered on a later microtask, like a network round trip, so callers see their own "loading" first.
      void Promise.resolve().then(() => {
        try {
          const value = typeof answer === 'function' ? (answer as (c: FakeCall) => unknown)(call) : answer
          if (value instanceof Error) call.reject(value)
          else void Promise.resolve(value).then(call.resolve, call.reject)
        }
        catch (error) {
          call.reject(error)
        }
      })
    })
  }

  const api: ApiClient = {
    request: (path, request = {}) => send(request.method ?? 'GET', path, request.query, request.body, request),
    get: (path, query, request) => send('GET', path, query, undefined, request),
    post: (path, body, request) => send('POST', path, undefined, body, request),
    patch: (path, body, request) => send('PATCH', path, undefined, body, request),
    delete: (path, request) => send('DELETE', path, undefined, undefined, request),
  }

  const fake: FakeApi = {
    api,
    calls,
    on(method, path, ...answers) {
      scripts.set(`${method} ${path}`, answers)
      return fake
    },
    callsTo: (path, method) => calls.filter(call => call.path === path && (!method || call.method === method)),
  }
  return fake
}
