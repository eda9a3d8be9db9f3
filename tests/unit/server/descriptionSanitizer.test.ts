import { describe, expect, it } from 'vitest'
import type { H3Event } from 'h3'
import type { ContributedCall } from '~/server/utils/backend/contributors'
import { descriptionSanitizer } from '~/server/utils/content/descriptionSanitizer'

function call(path: string, overrides: Partial<ContributedCall> = {}): ContributedCall {
  return { event: {} as H3Event, method: 'GET', path, headers: new Headers(), via: 'proxy', ...overrides }
}

async function through(path: string, response: Response, overrides: Partial<ContributedCall> = {}): Promise<Response | undefined> {
  const plan = await descriptionSanitizer().prepare(call(path, overrides))
  if (!plan) return undefined
  if (!('transformResponse' in plan)) throw new Error('the sanitizer never refuses')
  return plan.transformResponse(response)
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'content-length': '999', 'etag': '"a"' } })

describe('product descriptions through the /api proxy', () => {
  it('reach the browser sanitized, with the rest of the answer as it was', async () => {
    const answer = await through('/products/12/', json({ id: 12, title: '<b>t</b>', description_html: '<p onclick="alert(1)">Hi<img src=x onerror=alert(2)></p><script>alert(3)</script>' }))
    expect(answer!.status).toBe(200)
    expect(answer!.headers.get('etag')).toBe('"a"')
    expect(answer!.headers.get('content-length')).toBeNull()
    expect(await answer!.json()).toEqual({ id: 12, title: '<b>t</b>', description_html: '<p>Hi</p>' })
  })

  it('leave every other call, failure and unreadable answer alone', async () => {
    expect(await through('/products/', json({ results: [] }))).toBeUndefined()
    expect(await through('/products/12/reviews/', json({ results: [] }))).toBeUndefined()
    expect(await through('/products/12/', json({}), { via: 'render' })).toBeUndefined()
    expect(await through('/products/12/', json({}), { method: 'PATCH' })).toBeUndefined()
    const failed = json({ detail: 'Not found.' }, 404)
    expect(await through('/products/99/', failed)).toBe(failed)
    const garbage = await through('/products/12/?x=1', new Response('{"id": 12, "descr', { headers: { 'content-type': 'application/json' } }))
    expect(await garbage!.text()).toBe('{"id": 12, "descr')
  })
})
