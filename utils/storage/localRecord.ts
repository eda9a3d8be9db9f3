// A record this browser keeps in localStorage: shared by its tabs, sent nowhere. What a shopper saw and the app
// compares with later (the cart's lines, the wishlist's entries: "a product the shop stops selling"). Without
// storage (disabled by privacy settings, the server) reads answer null and writes do nothing: the caller keeps its
// own copy for the page.

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage
  }
  catch {
    return null
  }
}

/** The record under `key`, keeping only the values `isValue` accepts ({} when there is none); null when it cannot be read. */
export function readLocalRecord<V>(key: string, isValue: (value: unknown) => value is V): Record<string, V> | null {
  const store = storage()
  if (!store) return null
  try {
    const parsed: unknown = JSON.parse(store.getItem(key) ?? '{}')
    if (typeof parsed !== 'object' || parsed === null) return {}
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, V] => isValue(entry[1])))
  }
  catch {
    return null
  }
}

/** Replaces the record under `key`; an empty one leaves nothing behind. */
export function writeLocalRecord(key: string, record: Readonly<Record<string, unknown>>): void {
  try {
    const store = storage()
    if (!store) return
    if (Object.keys(record).length === 0) store.removeItem(key)
    else store.setItem(key, JSON.stringify(record))
  }
  catch {
    // Full or disabled: the caller's own copy still serves this page.
  }
}
