import { describe, expect, it } from 'vitest'
import { mountSuspended } from '@nuxt/test-utils/runtime'
import ProductRating from '~/components/product/ProductRating.vue'

// What a screen reader reads (aria-hidden left out) and what is seen (screen-reader-only text left out).
function spoken(root: Element): string {
  const clone = root.cloneNode(true) as Element
  clone.querySelectorAll('[aria-hidden="true"]').forEach(node => node.remove())
  return clone.textContent!.replace(/\s+/g, ' ').trim()
}
function seen(root: Element): string {
  const clone = root.cloneNode(true) as Element
  clone.querySelectorAll('.sr-only').forEach(node => node.remove())
  return clone.textContent!.replace(/\s+/g, ' ').trim()
}

describe('ProductRating', () => {
  it('says a product nobody has reviewed has no reviews yet, with no empty stars', async () => {
    const wrapper = await mountSuspended(ProductRating, { props: { rating: 0, reviewsCount: 0 } })
    expect(spoken(wrapper.element)).toBe('No reviews yet')
    expect(seen(wrapper.element)).toBe('No reviews yet')
    expect(wrapper.text()).not.toContain('★')
  })

  it('reads a reviewed product\'s rating and count, and shows the stars and the count', async () => {
    const wrapper = await mountSuspended(ProductRating, { props: { rating: 4.25, reviewsCount: 1 } })
    expect(spoken(wrapper.element)).toBe('Rated 4.3 out of 5, 1 review')
    expect(seen(wrapper.element)).toContain('★★★★★')
    expect(seen(wrapper.element)).toContain('(1)')
  })

  it('reads one review\'s own stars without a count', async () => {
    const wrapper = await mountSuspended(ProductRating, { props: { rating: 2, showCount: false } })
    expect(spoken(wrapper.element)).toBe('Rated 2.0 out of 5')
  })
})
