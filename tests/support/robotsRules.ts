/**
 * A robots.txt reader for tests, as Google and RFC 9309 read one group (`User-agent: *`): `*` matches any run of
 * characters, a final `$` the end; of the rules that match a path (with its query), the longest wins, and `Allow`
 * wins a tie. No rule matching: allowed.
 */
export function robotsAllows(robotsTxt: string): (pathAndQuery: string) => boolean {
  const rules = robotsTxt.split('\n').flatMap((line) => {
    const match = /^(Allow|Disallow):\s*(\S*)/i.exec(line.trim())
    if (!match?.[2]) return []
    const rule = match[2]
    const anchored = rule.endsWith('$')
    const body = (anchored ? rule.slice(0, -1) : rule).split('*').map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')
    return [{ allow: match[1]!.toLowerCase() === 'allow', length: rule.length, pattern: new RegExp(`^${body}${anchored ? '$' : ''}`) }]
  })
  return (pathAndQuery) => {
    let best: { allow: boolean, length: number } | null = null
    for (const rule of rules) {
      if (!rule.pattern.test(pathAndQuery)) continue
      if (!best || rule.length > best.length || (rule.length === best.length && rule.allow)) best = rule
    }
    return best?.allow ?? true
  }
}
