import { describe, expect, it } from 'vitest'
import { createSanitizedHtml } from '~/server/utils/content/sanitizedHtml'
import { sanitizeHtml } from '~/utils/html/sanitize'

/** The real policy, counting the calls that reach it. */
function counting() {
  const calls: string[] = []
  return { calls, sanitize: (html: string) => (calls.push(html), sanitizeHtml(html)) }
}

describe('the process\'s remembering sanitizer', () => {
  it('gives what the policy gives, and sanitizes each distinct markup once', () => {
    const policy = counting()
    const sanitize = createSanitizedHtml({ sanitize: policy.sanitize })
    const hostile = '<p onclick="alert(1)">Hi<img src=x onerror=alert(2)></p><script>alert(3)</script>'
    expect(sanitize(hostile)).toBe('<p>Hi</p>')
    expect(sanitize(hostile)).toBe('<p>Hi</p>')
    expect(sanitize('<p>Other</p>')).toBe('<p>Other</p>')
    expect(policy.calls).toEqual([hostile, '<p>Other</p>'])
  })

  it('keeps a bounded number of entries and never keeps a very long input', () => {
    const policy = counting()
    const sanitize = createSanitizedHtml({ sanitize: policy.sanitize, maxEntries: 2, maxEntryChars: 20 })
    sanitize('<p>a</p>')
    sanitize('<p>b</p>')
    sanitize('<p>c</p>')
    sanitize('<p>a</p>')
    expect(policy.calls).toEqual(['<p>a</p>', '<p>b</p>', '<p>c</p>', '<p>a</p>'])
    const long = `<p>${'x'.repeat(30)}</p>`
    sanitize(long)
    sanitize(long)
    expect(policy.calls.filter(html => html === long)).toHaveLength(2)
  })

  it('bounds the characters it keeps, inputs and outputs together', () => {
    const policy = counting()
    const sanitize = createSanitizedHtml({ sanitize: policy.sanitize, maxChars: 40 })
    sanitize('<p>one one</p>')
    sanitize('<p>two two</p>')
    sanitize('<p>one one</p>')
    expect(policy.calls).toEqual(['<p>one one</p>', '<p>two two</p>', '<p>one one</p>'])
  })
})
