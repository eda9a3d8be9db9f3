import { describe, expect, it } from 'vitest'
import { nextTick, reactive } from 'vue'
import { addressFieldProblem, addressProblems, ADDRESS_FIELDS } from '~/composables/checkout/addressRules'
import { emptyDraft, readDraft, writeDraft, DRAFT_STORAGE_KEY } from '~/composables/checkout/checkoutDraft'
import { firstOpenStep, reachableStep } from '~/composables/checkout/checkoutSteps'
import { checkoutSummary } from '~/composables/checkout/checkoutSummary'
import { deliveryText, deliveryWindow } from '~/composables/checkout/deliveryWindow'
import { useAddressForm } from '~/composables/checkout/useAddressForm'
import { EMPTY_ADDRESS, type Address } from '~/services/domain/address'
import type { Cart } from '~/services/domain/cart'
import { countryName, countryOptions, isCountryCode } from '~/utils/format/countries'

const FILLED: Address = { fullName: 'Ada Lovelace', line1: '12 Analytical Way', line2: '', city: 'London', postalCode: 'N1 9GU', country: 'GB', phone: '' }

describe('address fields', () => {
  it('carry shipping autofill tokens on every field', () => {
    expect(Object.fromEntries(ADDRESS_FIELDS.map(f => [f.name, f.autocomplete]))).toEqual({
      fullName: 'shipping name', line1: 'shipping address-line1', line2: 'shipping address-line2', city: 'shipping address-level2',
      postalCode: 'shipping postal-code', country: 'shipping country', phone: 'shipping tel',
    })
  })

  it('say what to do: required fields, lengths, a real country, postal codes and phone numbers', () => {
    expect(addressProblems(FILLED)).toEqual({})
    expect(addressProblems({ ...EMPTY_ADDRESS })).toEqual({
      fullName: expect.stringContaining('name'), line1: expect.stringContaining('street'), city: expect.stringContaining('town'),
      postalCode: expect.stringContaining('postal code'), country: 'Choose a country.',
    })
    expect(addressFieldProblem('country', { ...FILLED, country: 'XX' })).toBe('Choose a country.')
    expect(addressFieldProblem('postalCode', { ...FILLED, postalCode: 'N1 9GU!' })).toMatch(/letters, digits/)
    expect(addressFieldProblem('phone', { ...FILLED, phone: 'call me' })).toMatch(/digits/)
    expect(addressFieldProblem('phone', { ...FILLED, phone: '+44 20 7946 0958' })).toBeUndefined()
    expect(addressFieldProblem('city', { ...FILLED, city: 'x'.repeat(129) })).toBe('Use at most 128 characters.')
  })

  it('are checked when left (once typed in), cleared as soon as fixed, and all at once on Continue', async () => {
    const address = reactive({ ...EMPTY_ADDRESS })
    const form = useAddressForm(address)
    form.leave('city')
    expect(form.errors.value.city).toEqual([])
    address.city = 'L'
    await nextTick()
    address.city = ''
    await nextTick()
    form.leave('city')
    expect(form.errors.value.city).toEqual(['Enter the town or city.'])
    address.city = 'Leeds'
    await nextTick()
    expect(form.errors.value.city).toEqual([])
    expect(form.validateAll()).toBe('fullName')
    expect(form.errors.value.country).toEqual(['Choose a country.'])
    Object.assign(address, FILLED)
    await nextTick()
    expect(form.validateAll()).toBeNull()
  })

  it('show the backend\'s nested field errors next to their fields until the value changes', async () => {
    const address = reactive({ ...FILLED })
    const form = useAddressForm(address)
    expect(form.showServerErrors({ 'shipping_address.postal_code': ['Enter a valid postal code.'], 'payment_token': ['Unknown.'] })).toBe('postalCode')
    expect(form.errors.value.postalCode).toEqual(['Enter a valid postal code.'])
    expect(form.validateAll()).toBe('postalCode')
    address.postalCode = 'N1 9GX'
    await nextTick()
    expect(form.errors.value.postalCode).toEqual([])
  })
})

describe('countries', () => {
  it('are ISO codes named by Intl, sorted by name', () => {
    expect(countryName('fr')).toBe('France')
    expect(isCountryCode('gb')).toBe(true)
    expect(isCountryCode('XX')).toBe(false)
    const names = countryOptions().map(o => o.label)
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')))
    expect(countryOptions().length).toBeGreaterThan(240)
  })
})

describe('delivery window', () => {
  it('counts business days from the day after ordering, in UTC', () => {
    // Friday 6 March 2026, late evening UTC: 1 business day is Monday; 3-5 are Wednesday to Friday.
    const friday = Date.parse('2026-03-06T22:30:00Z')
    expect(deliveryText(deliveryWindow(friday, 1, 1))).toBe('Mon 9 Mar')
    expect(deliveryText(deliveryWindow(friday, 3, 5))).toBe('Wed 11 Mar – Fri 13 Mar')
    expect(deliveryWindow('2026-03-06T22:30:00Z', 2, 2)).toEqual({ earliest: '2026-03-10T00:00:00.000Z', latest: '2026-03-10T00:00:00.000Z' })
  })
})

describe('order summary', () => {
  const cart: Cart = { lines: [], itemCount: 3, subtotal: { amount: 1999, currency: 'USD' }, currency: 'USD', mergePending: false }
  const method = { id: 2, name: 'Express', description: '', price: { amount: 1499, currency: 'USD' }, minDays: 1, maxDays: 1, pickup: false }

  it('adds only the backend\'s shipping price to the backend\'s subtotal, in minor units', () => {
    expect(checkoutSummary(cart, method)).toMatchObject({ subtotal: { amount: 1999 }, shipping: { amount: 1499 }, total: { amount: 3498, currency: 'USD' }, shippingName: 'Express' })
    expect(checkoutSummary(cart, null)).toMatchObject({ shipping: null, total: null })
    expect(checkoutSummary(cart, { ...method, price: { amount: 1499, currency: 'EUR' } }).total).toBeNull()
  })

  it('says when a line cannot be supplied in its quantity, so no order is placed that the backend would refuse', () => {
    const line = { inStock: true } as Cart['lines'][number]
    expect(checkoutSummary({ ...cart, lines: [line] }, method).unavailable).toBe(false)
    expect(checkoutSummary({ ...cart, lines: [line, { ...line, inStock: false }] }, method).unavailable).toBe(true)
  })
})

describe('steps', () => {
  const none = { address: false, shipping: false, payment: false }
  it('can be reached once the steps before them are confirmed', () => {
    expect(reachableStep('review', none)).toBe('address')
    expect(reachableStep('payment', { ...none, address: true, shipping: true })).toBe('payment')
    expect(reachableStep('review', { address: true, shipping: true, payment: true })).toBe('review')
    expect(reachableStep('address', { address: true, shipping: true, payment: true })).toBe('address')
    expect(reachableStep(['shipping'], { ...none, address: true })).toBe('shipping')
    expect(firstOpenStep({ address: true, shipping: false, payment: true })).toBe('shipping')
  })
})

describe('the draft in sessionStorage', () => {
  it('is kept per shopper, and a damaged one is ignored', () => {
    const data = new Map<string, string>()
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) }
    const draft = { ...emptyDraft(), address: { ...FILLED }, shippingMethodId: 2, payment: 'tok_visa', confirmed: { address: true, shipping: true, payment: false } }
    writeDraft(storage, 7, draft)
    expect(readDraft(storage, 7)).toEqual(draft)
    expect(readDraft(storage, 8)).toBeNull()
    data.set(`${DRAFT_STORAGE_KEY}:7`, '{"version":1,"address":{"city":3}}')
    expect(readDraft(storage, 7)).toBeNull()
    expect(JSON.stringify([...data.values()])).not.toMatch(/card|cvc|4242/)
  })
})
