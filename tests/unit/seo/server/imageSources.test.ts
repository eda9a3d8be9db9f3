import { describe, expect, it } from 'vitest'
import { imageSources } from '~/server/utils/security/imageSources'

const BASE = ["'self'", 'data:', 'blob:']

describe('CSP img-src: the backend\'s image origins', () => {
  it('without a media origin: the API\'s origin only, as before', () => {
    expect(imageSources(BASE, { apiBase: 'http://127.0.0.1:4010/api', mediaOrigin: '' })).toEqual([...BASE, 'http://127.0.0.1:4010'])
  })

  it('with a media origin (a CDN, Django\'s MEDIA_URL host): that origin only, never naming the API\'s host', () => {
    expect(imageSources(BASE, { apiBase: 'http://django.internal:8000/api', mediaOrigin: 'https://media.example.com/uploads/' }))
      .toEqual([...BASE, 'https://media.example.com'])
  })

  it('adds nothing for a relative or malformed value, and never repeats a source', () => {
    expect(imageSources(BASE, { apiBase: '/api', mediaOrigin: 'not a url' })).toEqual(BASE)
    expect(imageSources([...BASE, 'https://cdn.test'], { apiBase: 'https://cdn.test/api', mediaOrigin: 'https://cdn.test' })).toEqual([...BASE, 'https://cdn.test'])
  })
})
