// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { createDemoPaymentProvider, DEMO_TOKENS } from '~/composables/checkout/payment/demoPaymentProvider'

// The demo provider stands where a provider's hosted fields would be mounted: its own DOM, labelled radios,
// a token out, and only the token id (not a secret) to remember.

describe('demo payment provider', () => {
  it('renders the contract\'s test tokens as labelled radio buttons in a fieldset with a legend', () => {
    const container = document.createElement('div')
    createDemoPaymentProvider().mount(container, { restore: null, onChange: () => {} })
    expect(container.querySelector('legend')?.textContent).toMatch(/test card/i)
    const radios = [...container.querySelectorAll<HTMLInputElement>('input[type="radio"]')]
    expect(radios.map(r => r.value)).toEqual(DEMO_TOKENS.map(t => t.token))
    for (const radio of radios) expect(radio.closest('label')?.textContent).toContain(radio.value)
  })

  it('asks for a choice, then tokenizes it; a remembered choice is restored and resumed without the shopper', async () => {
    const container = document.createElement('div')
    const onChange = vi.fn()
    const provider = createDemoPaymentProvider()
    provider.mount(container, { restore: null, onChange })
    expect(await provider.tokenize()).toEqual({ error: 'Choose a payment method.' })
    const amex = container.querySelector<HTMLInputElement>('input[value="tok_amex"]')!
    amex.checked = true
    amex.dispatchEvent(new Event('change'))
    expect(onChange).toHaveBeenCalled()
    expect(await provider.tokenize()).toEqual({ method: { token: 'tok_amex', label: 'American Express (test card)', remember: 'tok_amex' } })

    const again = document.createElement('div')
    const restored = createDemoPaymentProvider()
    restored.mount(again, { restore: 'tok_visa', onChange })
    expect(again.querySelector<HTMLInputElement>('input:checked')?.value).toBe('tok_visa')
    expect(restored.resume('tok_mastercard')).toMatchObject({ token: 'tok_mastercard' })
    expect(restored.resume('pm_unknown')).toBeNull()
    restored.unmount()
    expect(again.children).toHaveLength(0)
  })
})
