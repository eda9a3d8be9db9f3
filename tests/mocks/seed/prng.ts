// Deterministic randomness for the demo data: the same seed always gives the same catalog,
// so tests and screenshots can rely on ids, titles and prices. Never Math.random here.

export type Rng = () => number

/** mulberry32: tiny, fast, good enough for fake data. Returns floats in [0, 1). */
export function createRng(seed: number): Rng {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6D2B79F5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Mixes a global seed with an entity id, so each product has its own independent stream. */
export function seedFor(seed: number, id: number, salt = 0): number {
  let h = (seed ^ Math.imul(id, 0x9E3779B1) ^ Math.imul(salt, 0x85EBCA77)) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x7FEB352D)
  h = Math.imul(h ^ (h >>> 15), 0x846CA68B)
  return (h ^ (h >>> 16)) >>> 0
}

export function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1))
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T
}

export function chance(rng: Rng, probability: number): boolean {
  return rng() < probability
}
