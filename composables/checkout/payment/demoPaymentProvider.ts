import type { MountOptions, PaymentMethod, PaymentProvider, TokenizeResult } from './paymentProvider'

// The demo backend's test tokens (docs/openapi.yaml: tok_visa, tok_mastercard, tok_amex succeed;
// tok_chargeDeclined is declined), offered as labelled radio buttons. They stand for cards a real provider
// would tokenize; the token id is not a secret, so the choice may be kept in the tab.

export const DEMO_TOKENS = [
  { token: 'tok_visa', label: 'Visa (test card)', hint: 'Always succeeds.' },
  { token: 'tok_mastercard', label: 'Mastercard (test card)', hint: 'Always succeeds.' },
  { token: 'tok_amex', label: 'American Express (test card)', hint: 'Always succeeds.' },
  { token: 'tok_chargeDeclined', label: 'Declined card (test card)', hint: 'Always declined, to try what happens.' },
] as const

const NAME = 'demo-payment-token'

function methodFor(token: string): PaymentMethod | null {
  const found = DEMO_TOKENS.find(t => t.token === token)
  return found ? { token: found.token, label: found.label, remember: found.token } : null
}

/** Built with DOM calls rather than a component: it stands where a provider's hosted fields would be mounted. */
export function createDemoPaymentProvider(): PaymentProvider {
  let fieldset: HTMLFieldSetElement | null = null
  let chosen: string | null = null

  function radio(doc: Document, option: typeof DEMO_TOKENS[number], index: number, options: MountOptions): HTMLLabelElement {
    const label = doc.createElement('label')
    label.className = 'flex cursor-pointer items-start gap-3 rounded-md border border-gray-300 bg-white p-3 has-[:checked]:border-brand-600 has-[:checked]:ring-1 has-[:checked]:ring-brand-600'
    const input = doc.createElement('input')
    input.type = 'radio'
    input.name = NAME
    input.value = option.token
    input.id = `${NAME}-${index}`
    // shrink-0: beside a long token ("tok_chargeDeclined") at 320 px, flex squeezed the radio to 13 px wide.
    input.className = 'mt-1 size-4 shrink-0 accent-brand-600'
    input.checked = option.token === chosen
    input.addEventListener('change', () => {
      chosen = option.token
      options.onChange()
    })
    const text = doc.createElement('span')
    text.className = 'flex flex-col'
    const title = doc.createElement('span')
    title.className = 'font-medium'
    title.textContent = option.label
    const hint = doc.createElement('span')
    hint.className = 'text-sm text-gray-700'
    hint.textContent = `${option.hint} Token ${option.token}.`
    text.append(title, hint)
    label.append(input, text)
    return label
  }

  return {
    name: 'Test cards',
    mount(container, options) {
      const doc = container.ownerDocument
      chosen = options.restore && methodFor(options.restore) ? options.restore : chosen
      fieldset = doc.createElement('fieldset')
      fieldset.className = 'flex flex-col gap-2'
      const legend = doc.createElement('legend')
      legend.className = 'mb-2 text-sm font-medium text-gray-800'
      legend.textContent = 'Choose a test card (no real payment is taken)'
      fieldset.append(legend, ...DEMO_TOKENS.map((option, index) => radio(doc, option, index, options)))
      container.replaceChildren(fieldset)
    },
    unmount() {
      fieldset?.remove()
      fieldset = null
    },
    focus() {
      const target = fieldset?.querySelector<HTMLInputElement>('input:checked') ?? fieldset?.querySelector<HTMLInputElement>('input')
      target?.focus({ focusVisible: true })
    },
    async tokenize(): Promise<TokenizeResult> {
      const method = chosen ? methodFor(chosen) : null
      return method ? { method } : { error: 'Choose a payment method.' }
    },
    resume: token => methodFor(token),
  }
}
