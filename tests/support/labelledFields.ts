import type { DOMWrapper, VueWrapper } from '@vue/test-utils'

/** The control a <label> names, as a shopper finds it. */
export type LabelledInput = Omit<DOMWrapper<HTMLInputElement>, 'exists'>

/** The input whose <label> reads exactly `label`. */
export function field(wrapper: VueWrapper, label: string): LabelledInput {
  const found = wrapper.findAll('label').find(candidate => candidate.text() === label)
  if (!found) throw new Error(`no field labelled ${label}`)
  return wrapper.get<HTMLInputElement>(`#${CSS.escape(found.attributes('for') ?? '')}`)
}

/** The messages shown under a field (aria-describedby), without its hint. */
export function messagesOf(wrapper: VueWrapper, input: LabelledInput): string {
  const ids = (input.attributes('aria-describedby') ?? '').split(' ').filter(id => id.endsWith('-error'))
  return ids.map(id => wrapper.get(`#${CSS.escape(id)}`).text()).join(' ')
}
