import { describe, expect, it } from 'vitest'
import CartQuantityStepper from '~/components/cart/CartQuantityStepper.vue'
import { mountInNuxt } from '../../support/nuxt'

async function stepper(props: { quantity: number, max?: number }) {
  const wrapper = await mountInNuxt(CartQuantityStepper, { props: { title: 'Blue mug', ...props } })
  const button = (name: string) => wrapper.findAll('button').find(b => b.text().includes(name))!
  return {
    wrapper,
    minus: button('Decrease quantity of Blue mug'),
    plus: button('Increase quantity of Blue mug'),
    field: wrapper.get('input'),
    changes: () => (wrapper.emitted('change') ?? []).map(args => args[0]),
    steps: () => (wrapper.emitted('step') ?? []).map(args => args[0]),
  }
}

describe('CartQuantityStepper', () => {
  it('names every control for its line and asks for one more or one less', async () => {
    const { wrapper, minus, plus, field, steps } = await stepper({ quantity: 3 })
    expect(wrapper.get(`label[for="${field.attributes('id')}"]`).text()).toBe('Quantity of Blue mug')
    await plus.trigger('click')
    await minus.trigger('click')
    expect(steps()).toEqual([1, -1])
  })

  it('shows the quantity it is given', async () => {
    const { wrapper, field } = await stepper({ quantity: 3 })
    await wrapper.setProps({ quantity: 4 })
    expect((field.element as HTMLInputElement).value).toBe('4')
  })

  it('stops "−" at 1 (removing is its own button); "+" at the stock it is told says it, and stops once the stock was checked', async () => {
    // aria-disabled, not disabled: the button keeps the keyboard focus it had when it reached the limit.
    const low = await stepper({ quantity: 1 })
    expect(low.minus.attributes('aria-disabled')).toBe('true')
    expect(low.minus.attributes('disabled')).toBeUndefined()
    // The stock may have risen since the cart was read: "+" still asks (the cart reads the stock again).
    const full = await stepper({ quantity: 5, max: 5 })
    expect(full.plus.attributes('aria-disabled')).toBe('false')
    const hint = full.wrapper.get(`[id="${full.plus.attributes('aria-describedby')}"]`)
    expect(hint.text()).toBe('5 in stock')
    await full.plus.trigger('click')
    expect(full.steps()).toEqual([1])
    await full.wrapper.setProps({ stockChecked: true })
    expect(full.plus.attributes('aria-disabled')).toBe('true')
    expect(full.plus.attributes('disabled')).toBeUndefined()
  })

  it('takes a typed quantity on Enter or when left, caps it at 99, and restores the field after nonsense', async () => {
    const { field, changes } = await stepper({ quantity: 3 })
    await field.trigger('focus')
    await field.setValue('12')
    await field.trigger('keydown', { key: 'Enter' })
    await field.trigger('focus')
    await field.setValue('150')
    await field.trigger('blur')
    await field.trigger('focus')
    await field.setValue('abc')
    await field.trigger('blur')
    expect(changes()).toEqual([12, 99])
    expect((field.element as HTMLInputElement).value).toBe('3')
  })

  it('leaves a typed quantity above the stock to the cart (at most 99), without a note of its own', async () => {
    const { wrapper, field, changes } = await stepper({ quantity: 3, max: 76 })
    const note = () => wrapper.get('[role="status"]').text()
    for (const typed of ['120', '99999999999999999999']) {
      await field.setValue(typed)
      await field.trigger('keydown', { key: 'Enter' })
      // The cart holds it to the stock, or takes it when the stock rose since (its read says), and says which.
      expect(note()).toBe('')
    }
    expect(changes()).toEqual([99, 99])
    await field.setValue('abc')
    await field.trigger('blur')
    expect(note()).toBe('Enter a quantity from 1 to 76. The quantity stays at 3.')
  })

  it('says a sold-out line has none in stock, and leaves a typed number to the cart (it may be back in stock)', async () => {
    const { wrapper, plus, field, changes } = await stepper({ quantity: 1, max: 0 })
    expect(wrapper.get(`[id="${plus.attributes('aria-describedby')}"]`).text()).toBe('None in stock')
    await field.setValue('abc')
    await field.trigger('blur')
    expect((field.element as HTMLInputElement).value).toBe('1')
    expect(wrapper.get('[role="status"]').text()).toBe('Sorry, this item is sold out. The quantity stays at 1.')
    await field.setValue('4')
    await field.trigger('blur')
    expect(changes()).toEqual([4])
  })

  it('says what became of a typed quantity it could not take as it was, instead of changing it silently', async () => {
    const { wrapper, field, changes } = await stepper({ quantity: 2 })
    const note = () => wrapper.get('[role="status"]').text()
    for (const [typed, said] of [['abc', 'Enter a quantity from 1 to 99. The quantity stays at 2.'], ['', 'Enter a quantity from 1 to 99. The quantity stays at 2.'], ['0', 'To take it out of your cart, use Remove. The quantity stays at 2.']] as const) {
      await field.setValue(typed)
      await field.trigger('blur')
      expect((field.element as HTMLInputElement).value).toBe('2')
      expect(note()).toBe(said)
      expect(field.attributes('aria-describedby')).toContain(wrapper.get('[role="status"]').attributes('id'))
    }
    await field.setValue('150')
    await field.trigger('blur')
    expect(changes()).toEqual([99])
    expect(note()).toBe('99 is the most one line can hold.')
    await field.setValue('3')
    await field.trigger('blur')
    expect(note()).toBe('')
  })

  it('takes only digits: "1e1" or "0x10" is not read as 10 or 16 items', async () => {
    const { wrapper, field, changes } = await stepper({ quantity: 2 })
    for (const typed of ['1e1', '0x10', '2.5e1']) {
      await field.setValue(typed)
      await field.trigger('blur')
      expect((field.element as HTMLInputElement).value).toBe('2')
      expect(wrapper.get('[role="status"]').text()).toBe('Enter a quantity from 1 to 99. The quantity stays at 2.')
    }
    await field.setValue(' 4 ')
    await field.trigger('blur')
    expect(changes()).toEqual([4])
  })
})
