/** A request under way for one key. */
export interface Flight<K extends string> {
  /** What it is for, e.g. a list's first page or its next one. */
  kind: K
  promise: Promise<void>
  controller: AbortController
}

export interface Flights<K extends string> {
  get: (key: string) => Flight<K> | undefined
  /** Runs `task` as the key's request, aborting the one it replaces. `task` must not reject. */
  start: (key: string, kind: K, task: (signal: AbortSignal) => Promise<void>) => Promise<void>
  /** Aborts the key's request; false when nothing was under way. */
  cancel: (key: string) => boolean
}

/**
 * At most one request per key. A request that is replaced or cancelled is aborted, and its task drops whatever
 * arrives afterwards by checking `signal.aborted` (a backend may still answer an aborted request). Created per
 * primitive, so per store and per SSR request: nothing here is shared between shoppers.
 */
export function createFlights<K extends string>(): Flights<K> {
  const flights = new Map<string, Flight<K>>()

  function cancel(key: string): boolean {
    flights.get(key)?.controller.abort()
    return flights.delete(key)
  }

  function start(key: string, kind: K, task: (signal: AbortSignal) => Promise<void>): Promise<void> {
    cancel(key)
    const controller = new AbortController()
    const flight: Flight<K> = { kind, controller, promise: Promise.resolve() }
    flights.set(key, flight)
    flight.promise = task(controller.signal).finally(() => {
      if (flights.get(key) === flight) flights.delete(key)
    })
    return flight.promise
  }

  return { get: key => flights.get(key), start, cancel }
}
