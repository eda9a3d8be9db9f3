import { describe, expect, it } from 'vitest'
import { compareNames } from '~/utils/text/compareNames'

describe('compareNames', () => {
  it('orders as a reader expects: case and accents do not move a name away from its letter', () => {
    const names = ['zeta', 'Émile', 'alpha', 'Beta', 'emile', 'Ångström', 'Óscar', 'oscar', 'Acme']
    expect([...names].sort(compareNames)).toEqual(['Acme', 'alpha', 'Ångström', 'Beta', 'emile', 'Émile', 'oscar', 'Óscar', 'zeta'])
  })

  it('agrees with an English collator on plain and accented Latin names', () => {
    const names = ['Nordworks', 'Acme', 'bolt', 'Crest & Co', 'Éclat', 'Zenith', 'Haus', 'Öland', 'Marlow', 'apex']
    const collator = new Intl.Collator('en', { sensitivity: 'base' })
    const byCollator = [...names].sort((a, b) => collator.compare(a, b))
    expect([...names].sort(compareNames)).toEqual(byCollator)
  })

  it('gives names that fold to the same key one order, and is 0 only for the same text', () => {
    expect(compareNames('Emile', 'émile')).not.toBe(0)
    expect(Math.sign(compareNames('Emile', 'émile'))).toBe(-Math.sign(compareNames('émile', 'Emile')))
    expect(compareNames('Acme', 'Acme')).toBe(0)
  })
})
