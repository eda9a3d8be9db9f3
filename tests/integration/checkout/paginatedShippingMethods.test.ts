import { $fetch } from 'ofetch'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiCore } from '~/composables/core/api/createApiCore'
import type { ShippingMethodDto } from '~/services/dto'
import { orderService } from '~/services/orderService'
import { SHIPPING_METHODS } from '~/tests/mocks/db/DemoDb'
import type { NumberedPage } from '~/tests/mocks/http/pageNumberPagination'
import { DEMO_PROFILES } from '~/tests/mocks/profile'
import { startDemoApi, type RunningDemoApi } from '~/tests/mocks/testing/startDemoApi'

// The demo's drf-variants profile pages GET /shipping-methods/ as DRF's PageNumberPagination does, 2 a page, so the
// third method ("Store pickup") is on page 2: the checkout must offer it, which it can only if the service reads on.

let demo: RunningDemoApi

beforeAll(async () => {
  demo = await startDemoApi({ seedProducts: 40, faults: false, profile: DEMO_PROFILES['drf-variants'] })
})

afterAll(async () => {
  await demo?.close()
})

describe('shipping methods from a backend that pages them by number', () => {
  it('come in pages of 2 with DRF\'s count, next and previous, and a page out of range is 404', async () => {
    const first = await $fetch<NumberedPage<ShippingMethodDto>>(`${demo.url}/shipping-methods/`)
    expect(first).toMatchObject({ count: SHIPPING_METHODS.length, next: `${demo.url}/shipping-methods/?page=2`, previous: null })
    expect(first.results.map(method => method.name)).toEqual(['Standard', 'Express'])
    const second = await $fetch<NumberedPage<ShippingMethodDto>>(first.next!)
    expect(second).toMatchObject({ next: null, previous: `${demo.url}/shipping-methods/` })
    expect(second.results.map(method => method.name)).toEqual(['Store pickup'])
    const beyond = await fetch(`${demo.url}/shipping-methods/?page=3`)
    expect([beyond.status, await beyond.json()]).toEqual([404, { detail: 'Invalid page.', code: 'not_found' }])
  })

  it('are all read by the order service, the one on page 2 too', async () => {
    const { api } = createApiCore({ fetch: $fetch, baseURL: demo.url, locks: null, retry: { maxRetries: 0 } })
    const methods = await orderService(api).shippingMethods()
    expect(methods.map(method => method.name)).toEqual(SHIPPING_METHODS.map(method => method.name))
  })
})
