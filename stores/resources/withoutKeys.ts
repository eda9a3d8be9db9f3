/** A copy of `record` without `keys`: state records are replaced, not edited with `delete`, so every reader sees it. */
export function withoutKeys<T>(record: Record<string, T>, keys: Iterable<string>): Record<string, T> {
  const drop = new Set(keys)
  return Object.fromEntries(Object.entries(record).filter(([key]) => !drop.has(key)))
}
