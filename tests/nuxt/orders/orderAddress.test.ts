import { describe, expect, it } from 'vitest'
import { mountSuspended } from '@nuxt/test-utils/runtime'
import OrderAddress from '~/components/order/OrderAddress.vue'
import type { Address } from '~/services/domain/address'

const ADA: Address = { fullName: 'Ada Lovelace', line1: '12 Analytical Way', line2: '', city: 'London', postalCode: 'N1 9GU', country: 'GB', phone: '' }

/** The lines a reader sees: the address's text, broken at each <br>. */
async function shownLines(address: Address): Promise<string[]> {
  const wrapper = await mountSuspended(OrderAddress, { props: { address } })
  const element = wrapper.find('address').element
  const lines = ['']
  for (const node of Array.from(element.childNodes)) {
    if (node.nodeName === 'BR') lines.push('')
    else if (node.nodeType === node.TEXT_NODE) lines[lines.length - 1] += node.textContent
  }
  return lines.map(line => line.trim())
}

describe('OrderAddress', () => {
  it('lays the town and postal code out as the destination\'s post expects, the country then the phone last', async () => {
    expect(await shownLines(ADA)).toEqual(['Ada Lovelace', '12 Analytical Way', 'London', 'N1 9GU', 'United Kingdom'])
    expect(await shownLines({ ...ADA, line2: 'Apt 4', city: 'Springfield', postalCode: '62701', country: 'US', phone: '+1 217 555 0100' }))
      .toEqual(['Ada Lovelace', '12 Analytical Way', 'Apt 4', 'Springfield 62701', 'United States', '+1 217 555 0100'])
    expect(await shownLines({ ...ADA, city: 'Paris', postalCode: '75002', country: 'FR' }))
      .toEqual(['Ada Lovelace', '12 Analytical Way', '75002 Paris', 'France'])
  })
})
