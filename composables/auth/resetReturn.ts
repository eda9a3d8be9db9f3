import { readLocalRecord, writeLocalRecord } from '~/utils/storage/localRecord'

// The page a shopper was signing in for when they tapped "Forgot password?" (the sign-in's way back), kept until the
// reset is done, so the sign-in after it comes back there as the first one would have. The reset's own link arrives
// by email and usually opens in a new tab, so this is in localStorage (this browser), not the tab's sessionStorage
// or the link. Only a path is kept ({ path: when }), and it is checked again as a way back when used (signInLocation).

const KEY = 'sf:auth:after-reset'
/** A way back older than this belongs to a reset given up on. */
const MAX_AGE_MS = 60 * 60_000

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

/** Keeps `path` (the sign-in's `redirect`) for the sign-in after this reset; forgets any earlier one without it. */
export function keepResetReturn(path: unknown, now = Date.now()): void {
  writeLocalRecord(KEY, typeof path === 'string' && path.startsWith('/') ? { [path]: now } : {})
}

/** The way back kept for this reset, once (it is forgotten as it is read); undefined when none or too old. */
export function takeResetReturn(now = Date.now()): string | undefined {
  const [kept] = Object.entries(readLocalRecord(KEY, isTime) ?? {})
  writeLocalRecord(KEY, {})
  return kept && now - kept[1] <= MAX_AGE_MS && kept[1] <= now ? kept[0] : undefined
}
