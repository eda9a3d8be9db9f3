import { dates } from '~/utils/format/dates'

// "Delivery in 3-5 business days" as dates the shopper can plan around. Business days are Monday to Friday,
// counted in UTC from the day after ordering (the same on the server and in any browser time zone).

const DAY_MS = 86_400_000

function addBusinessDays(start: number, days: number): number {
  let at = Date.UTC(new Date(start).getUTCFullYear(), new Date(start).getUTCMonth(), new Date(start).getUTCDate())
  let left = Math.max(0, Math.trunc(days))
  while (left > 0) {
    at += DAY_MS
    const weekday = new Date(at).getUTCDay()
    if (weekday !== 0 && weekday !== 6) left--
  }
  return at
}

export interface DeliveryWindow {
  earliest: string
  latest: string
}

export function deliveryWindow(orderedAt: number | string, minDays: number, maxDays: number): DeliveryWindow {
  const start = typeof orderedAt === 'number' ? orderedAt : Date.parse(orderedAt)
  return {
    earliest: new Date(addBusinessDays(start, minDays)).toISOString(),
    latest: new Date(addBusinessDays(start, Math.max(minDays, maxDays))).toISOString(),
  }
}

/** "Tue 3 Mar" or "Tue 3 Mar – Thu 5 Mar". */
export function deliveryText(window: DeliveryWindow): string {
  const earliest = dates.shortDay(window.earliest)
  const latest = dates.shortDay(window.latest)
  return earliest === latest ? earliest : `${earliest} – ${latest}`
}
