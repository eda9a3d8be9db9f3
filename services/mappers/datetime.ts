// DRF writes DateTimeFields with their offset ("...Z", "+02:00") when USE_TZ is on, and naive ("2024-03-02T23:30:00")
// when it is off, in the backend's TIME_ZONE ('UTC' in Django's project template). Date.parse reads a naive value
// as the reader's local time, so the server and each browser would read another instant (delivery dates that
// differ at hydration, an order lookup that misses by hours). At the domain boundary every value gets an offset.
const NAIVE = /T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/

/** An ISO 8601 date-time with an offset: a naive one is taken as UTC. */
export function withOffset(value: string): string {
  return NAIVE.test(value) ? `${value}Z` : value
}
