import type { Locator } from '@playwright/test'

export interface Ring { outline: string, boxShadow: string }
export const NO_RING: Ring = { outline: 'none', boxShadow: 'none' }

/**
 * The focus indicator as drawn on the element: its outline and its box-shadow (Tailwind's ring), each 'none' when it
 * paints nothing (`focus:outline-none` is a 2 px transparent outline).
 */
export function ringOf(target: Locator): Promise<Ring> {
  return target.evaluate((el) => {
    const style = getComputedStyle(el)
    const paints = (colors: string[]) => colors.some(color => !/^rgba\(.*,\s*0\)$/.test(color) && color !== 'transparent')
    const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0 && paints([style.outlineColor])
    const shadow = paints(style.boxShadow.match(/rgba?\([^)]*\)/g) ?? [])
    return {
      outline: outline ? `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor} ${style.outlineOffset}` : 'none',
      boxShadow: shadow ? style.boxShadow : 'none',
    }
  })
}
