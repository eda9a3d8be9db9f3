import type { H3EventContext } from 'h3'

type SecurityRules = NonNullable<NonNullable<H3EventContext['security']>['rules']>
/** nuxt-security's options per route pattern (what its `nuxt-security:routeRules` hook hands out). */
export type SecurityOptions = Record<string, SecurityRules>

/** Freezes `value` and everything under it; returns it. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key])
  }
  return value
}

/**
 * The rules nuxt-security would resolve for every request, when every request resolves the same: the options
 * have one route pattern, `/**`. Anything more specific (route rules with their own security options) makes the
 * rules depend on the path, and this returns null so nuxt-security resolves them itself.
 */
export function sharedSecurityRules(options: SecurityOptions): SecurityRules | null {
  const patterns = Object.keys(options)
  if (patterns.length !== 1 || patterns[0] !== '/**' || !options['/**']) return null
  return structuredClone(options['/**'])
}

/**
 * A page render's own copy: nuxt-security's `render:html` hook assigns the page's CSP (with its script hashes) to
 * `rules.headers.contentSecurityPolicy`, so the render needs its own `rules` and `headers` objects. Nothing below
 * them is written to (the CSP is replaced, not edited), so they stay shared and frozen.
 */
export function renderableSecurityRules(rules: SecurityRules): SecurityRules {
  return { ...rules, headers: rules.headers ? { ...rules.headers } : rules.headers }
}
