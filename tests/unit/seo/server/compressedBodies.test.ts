import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { chooseEncoding } from '~/server/utils/compression'
import { createCompressedBodies } from '~/server/utils/pageCache/compressedBodies'

describe('chooseEncoding', () => {
  it('prefers brotli, then gzip, and honours q=0 refusals', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br')
    expect(chooseEncoding('gzip, deflate')).toBe('gzip')
    expect(chooseEncoding('br;q=0, gzip;q=0.8')).toBe('gzip')
    expect(chooseEncoding('BR')).toBe('br')
    expect(chooseEncoding('br;q=0.0, gzip;q=0')).toBeNull()
    expect(chooseEncoding('identity')).toBeNull()
    expect(chooseEncoding('')).toBeNull()
    expect(chooseEncoding(undefined)).toBeNull()
  })
})

describe('compressed bodies', () => {
  const body = `<!DOCTYPE html><html lang="en"><body>${'<li class="card">Classic cleanser · $19.99</li>'.repeat(500)}</body></html>`

  it('decodes back to the page, byte for byte, and is much smaller', async () => {
    const bodies = createCompressedBodies()
    const br = await bodies.get('W/"a"', body, 'br')
    const gz = await bodies.get('W/"a"', body, 'gzip')
    expect(brotliDecompressSync(br).toString('utf8')).toBe(body)
    expect(gunzipSync(gz).toString('utf8')).toBe(body)
    expect(br.byteLength).toBeLessThan(body.length / 10)
  })

  it('compresses a page once per encoding, concurrent requests included', async () => {
    const bodies = createCompressedBodies()
    const [a, b] = await Promise.all([bodies.get('W/"a"', body, 'br'), bodies.get('W/"a"', body, 'br')])
    expect(a).toBe(b)
    expect(await bodies.get('W/"a"', body, 'br')).toBe(a)
  })

  it('keeps within its byte budget, dropping the least recently used', async () => {
    const bodies = createCompressedBodies(300)
    const first = await bodies.get('W/"1"', `${body}1`, 'gzip')
    await bodies.get('W/"2"', `${body}2`, 'gzip')
    await bodies.get('W/"3"', `${body}3`, 'gzip')
    // Evicted, so made again: an equal buffer, not the same one.
    const again = await bodies.get('W/"1"', `${body}1`, 'gzip')
    expect(again).not.toBe(first)
    expect(gunzipSync(again).toString('utf8')).toBe(`${body}1`)
  })
})
