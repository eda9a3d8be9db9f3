/** `{a: {b: 1}, c: [2, 3]}` -> [['a.b', '1'], ['c', '2, 3']]: a readable table of a report whose shape we do not own. */
export function flattenJson(value: unknown, prefix = ''): [string, string][] {
  if (value === null || typeof value !== 'object') return [[prefix || 'value', String(value)]]
  if (Array.isArray(value)) {
    if (value.every(item => item === null || typeof item !== 'object')) return [[prefix || 'value', value.map(String).join(', ')]]
    return value.flatMap((item, index) => flattenJson(item, `${prefix}[${index}]`))
  }
  return Object.entries(value).flatMap(([key, item]) => flattenJson(item, prefix ? `${prefix}.${key}` : key))
}
