import { describe, expect, it } from 'vitest'
import { deepFreeze, renderableSecurityRules, sharedSecurityRules, type SecurityOptions } from '~/server/utils/security/sharedRules'

const options = {
  '/**': {
    enabled: true,
    headers: {
      contentSecurityPolicy: { 'script-src': ["'self'"], 'img-src': ["'self'", 'data:'] },
      xFrameOptions: 'DENY',
    },
  },
} as unknown as SecurityOptions

describe('nuxt-security rules made once per process', () => {
  it('are shared only when one rule set covers every path', () => {
    expect(sharedSecurityRules(options)).toEqual(options['/**'])
    expect(sharedSecurityRules(options)).not.toBe(options['/**'])
    expect(sharedSecurityRules({ ...options, '/admin/**': { enabled: false } as never })).toBeNull()
  })

  it('give a render its own rules and headers to write the page\'s CSP into, leaving the shared copy as it was', () => {
    const shared = deepFreeze(sharedSecurityRules(options)!)
    expect(() => {
      (shared.headers as Record<string, unknown>).contentSecurityPolicy = {}
    }).toThrow(TypeError)
    const own = renderableSecurityRules(shared)
    const headers = own.headers as Record<string, unknown>
    // What nuxt-security's render:html hook does: a new CSP object with the page's hashes.
    headers.contentSecurityPolicy = { 'script-src': ["'self'", "'sha256-abc'"] }
    expect((shared.headers as Record<string, { 'script-src': string[] }>).contentSecurityPolicy['script-src']).toEqual(["'self'"])
    expect(headers.xFrameOptions).toBe('DENY')
  })
})
