import { IncomingMessage, ServerResponse } from 'node:http'
import { Socket } from 'node:net'
import { describe, expect, it } from 'vitest'
import { createEvent } from 'h3'
import { outgoingHeaders } from '~/server/utils/backend/headerPolicy'

// The gateway's header policy decides in one place what identifies a backend call. A read made for everybody (a
// render's shared public read, the sitemap's walk) goes out with an allow-list, whatever its caller put in.

function requestFrom(headers: Record<string, string>) {
  const req = new IncomingMessage(new Socket())
  req.method = 'GET'
  req.url = '/sitemap.xml'
  req.headers = { host: 'attacker.example', ...headers }
  return createEvent(req, new ServerResponse(req))
}

const CLIENT = { 'x-forwarded-for': '203.0.113.7', 'accept-language': 'de-DE', 'cookie': 'sf_session=1' }
const EVERYTHING = {
  'accept': 'application/json', 'accept-language': 'de-DE', 'authorization': 'Bearer abc', 'cookie': 'sf_refresh=x',
  'x-cart-token': 'cart-9', 'x-forwarded-for': '203.0.113.7', 'x-real-ip': '203.0.113.7', 'forwarded': 'for=203.0.113.7',
  'traceparent': '00-abc-def-01', 'sentry-trace': 'trace-1', 'baggage': 'user=7', 'x-request-id': 'spoofed',
}

describe('what a read made for everybody carries', () => {
  it('its accept, the request id of the request that started it, and the site\'s own host; nothing of any client', () => {
    const headers = outgoingHeaders(new Headers(EVERYTHING), requestFrom(CLIENT), 'crawler-2', { publicOrigin: 'https://shop.example' })
    expect(Object.fromEntries(headers)).toEqual({
      'accept': 'application/json',
      'x-request-id': 'crawler-2',
      'x-forwarded-host': 'shop.example',
      'x-forwarded-proto': 'https',
    })
  })

  it('names no host at all rather than the request\'s when the site has no usable origin', () => {
    for (const publicOrigin of [undefined, '', 'not a url']) {
      const headers = outgoingHeaders(new Headers({ accept: 'application/json' }), requestFrom(CLIENT), 'crawler-2', { publicOrigin })
      expect([...headers.keys()].sort()).toEqual(['accept', 'x-request-id'])
    }
  })

  it('while a call made for one client carries that client\'s address and the request\'s host', () => {
    const headers = outgoingHeaders(new Headers({ accept: 'application/json' }), requestFrom(CLIENT), 'shopper-1')
    expect(headers.get('x-forwarded-for')).toBe('203.0.113.7')
    expect(headers.get('x-forwarded-host')).toBe('attacker.example')
    expect(headers.get('x-request-id')).toBe('shopper-1')
  })
})
