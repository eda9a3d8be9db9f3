import { afterAll, describe, expect, it } from 'vitest'
import { productPageStyle, SIZE_PARAM } from './support/pageStyle'
import { productWalk } from './support/productWalk'
import { contractTarget } from './support/target'

// Walking the list while products are added needs the demo's POST /__products/ (a real backend has no such thing):
// its own file, so a run against a real backend (tests/drf-real/run.sh) leaves it out instead of reporting a skip.
const target = await contractTarget()
const { client } = target
afterAll(() => target.close())
const STYLE = await productPageStyle(client)
const SIZE = SIZE_PARAM[STYLE]
const walk = productWalk(client)

describe('pagination while products are added (demo)', () => {
  // Cursors are positions, so CursorPagination promises both; page numbers and offsets count items, so a product
  // added before the page a client is on pushes one already seen onto the next page: only "no misses" holds.
  it.runIf(target.hasDemoEndpoints)(`products added during a walk cause no misses${STYLE === 'cursor' ? ' and no duplicates' : ''} (demo: POST /__products/)`, async () => {
    const before = await walk(`ordering=price&${SIZE}=100`)
    const { ids } = await walk(`ordering=price&${SIZE}=100`, async (index) => {
      if (index % 10 === 3) expect((await client.call('/__products/', { method: 'POST', body: { count: 25 } })).status).toBe(201)
    })
    if (STYLE === 'cursor') expect(new Set(ids).size).toBe(ids.length)
    const seen = new Set(ids)
    expect(before.ids.filter(id => !seen.has(id))).toEqual([])
  })
})
