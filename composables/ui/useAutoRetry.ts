import { onBeforeUnmount, onMounted, readonly, ref, watch, type Ref } from 'vue'
import { useNuxtApp } from '#app'
import type { ApiErrorData } from '~/composables/core/api/ApiError'

/** idle: nothing to do; waiting: a retry is due in `secondsLeft`; retrying: under way; stopped: left to the shopper. */
export type AutoRetryPhase = 'idle' | 'waiting' | 'retrying' | 'stopped'

export interface UseAutoRetryOptions {
  /** The failure to get past (a section's load error); null when there is none. */
  failure: () => ApiErrorData | null
  /** Loads the section again (a store verb: it coalesces with any other load of the same data). */
  retry: () => Promise<void>
  /** Automatic attempts before the shopper's button is the only way (default 5: about a minute in all). */
  maxAttempts?: number
  /** Wait before the first attempt (default 2 s); each next wait doubles, with jitter, up to `maxDelayMs`. */
  firstDelayMs?: number
  maxDelayMs?: number
  /**
   * The failed part, the same across mounts (its retry function): a failure shown only while its status is 'error'
   * leaves the page during its own attempt (the status is 'loading' then) and comes back when that fails, and its
   * round goes on where it stood instead of starting again (a retry every 2 s for as long as the page is open).
   */
  part?: object
}

export interface UseAutoRetryReturn {
  phase: Readonly<Ref<AutoRetryPhase>>
  /** Whole seconds until the next attempt, while waiting. */
  secondsLeft: Readonly<Ref<number>>
  /** The shopper's "Try again": at once, and a failure after it starts a new round of automatic attempts. */
  retryNow: () => Promise<void>
}

/**
 * Worth retrying by itself: the shop failed (no answer, 5xx, 429, an unreadable answer), not the request (404, 400,
 * 403). A few spaced attempts at a 500 cost little, and a deploy's broken minute often ends in one.
 */
export function isRetryableFailure(failure: Pick<ApiErrorData, 'status'>): boolean {
  if (failure.status >= 400 && failure.status < 500) return failure.status === 429 || failure.status === 408
  return true
}

/** A part's round, kept for its next mount: how many attempts, and whether the last is under way or just ended. */
interface Round {
  attempts: number
  running: boolean
  endedAt: number
}

/** A mount this soon after the part's attempt failed is that failure coming back: the round goes on. */
const CONTINUES_WITHIN_MS = 1_000

/** The rounds of this page's failed parts (per app: nothing is kept in a module). Browser only: nothing retries on the server. */
function rounds(): WeakMap<object, Round> {
  const app = useNuxtApp() as { _autoRetryRounds?: WeakMap<object, Round> }
  app._autoRetryRounds ??= new WeakMap()
  return app._autoRetryRounds
}

/**
 * Retries a failed section by itself after hydration: waits 2, 4, 8, 16, 30 s (jittered, at least the backend's
 * Retry-After), attempts only while the tab is visible, at once when the connection comes back, and stops after
 * `maxAttempts` (the button stays). It loads data again; it never reloads the page, so it cannot loop a reload.
 * Nothing runs on the server or before the component is mounted.
 */
export function useAutoRetry(options: UseAutoRetryOptions): UseAutoRetryReturn {
  const maxAttempts = options.maxAttempts ?? 5
  const firstDelayMs = options.firstDelayMs ?? 2_000
  const maxDelayMs = options.maxDelayMs ?? 30_000
  const phase = ref<AutoRetryPhase>('idle')
  const secondsLeft = ref(0)
  const kept = import.meta.client && options.part ? rounds() : null
  let attempts = 0
  let dueAt = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let ticker: ReturnType<typeof setInterval> | undefined
  let active = false

  function clearTimers(): void {
    clearTimeout(timer)
    clearInterval(ticker)
    timer = undefined
    ticker = undefined
  }

  function delayFor(failure: ApiErrorData): number {
    const backoff = Math.min(maxDelayMs, firstDelayMs * 2 ** attempts)
    // Jitter: shoppers who saw the same outage do not all come back in the same second.
    const jittered = backoff * (0.75 + Math.random() * 0.25)
    return Math.max(jittered, failure.retryAfterMs ?? 0)
  }

  function tick(): void {
    secondsLeft.value = Math.max(0, Math.ceil((dueAt - Date.now()) / 1000))
  }

  function schedule(): void {
    clearTimers()
    const failure = options.failure()
    if (!active || !failure || !isRetryableFailure(failure)) {
      phase.value = 'idle'
      return
    }
    if (attempts >= maxAttempts) {
      phase.value = 'stopped'
      return
    }
    phase.value = 'waiting'
    dueAt = Date.now() + delayFor(failure)
    tick()
    ticker = setInterval(tick, 1_000)
    timer = setTimeout(() => void attempt(), dueAt - Date.now())
  }

  async function attempt(): Promise<void> {
    clearTimers()
    // A hidden tab waits for the shopper to come back (visibilitychange) instead of retrying into the void.
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') {
      secondsLeft.value = 0
      return
    }
    attempts++
    phase.value = 'retrying'
    const round: Round = { attempts, running: true, endedAt: 0 }
    if (options.part) kept?.set(options.part, round)
    try {
      await options.retry()
    }
    finally {
      round.running = false
      round.endedAt = Date.now()
      if (active) schedule()
    }
  }

  async function retryNow(): Promise<void> {
    attempts = 0
    await attempt()
  }

  const onVisible = () => {
    if (document.visibilityState === 'visible' && phase.value === 'waiting' && timer === undefined) void attempt()
  }
  const onOnline = () => {
    if (phase.value === 'waiting') void attempt()
  }

  onMounted(() => {
    active = true
    const round = options.part ? kept?.get(options.part) : undefined
    if (round && (round.running || Date.now() - round.endedAt < CONTINUES_WITHIN_MS)) attempts = round.attempts
    document.addEventListener('visibilitychange', onVisible)
    window.addEventListener('online', onOnline)
    // Another load of the same data (a second section, a navigation) may end or start the failure meanwhile.
    watch(() => options.failure(), (failure) => {
      if (phase.value === 'retrying') return
      if (!failure) {
        attempts = 0
        clearTimers()
        phase.value = 'idle'
      }
      else if (phase.value === 'idle') {
        schedule()
      }
    }, { immediate: true })
  })

  onBeforeUnmount(() => {
    active = false
    clearTimers()
    document.removeEventListener('visibilitychange', onVisible)
    window.removeEventListener('online', onOnline)
  })

  return { phase: readonly(phase), secondsLeft: readonly(secondsLeft), retryNow }
}
