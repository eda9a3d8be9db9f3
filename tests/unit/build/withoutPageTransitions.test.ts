import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { withoutPageTransitions } from '~/utils/build/withoutPageTransitions'

const SRC = '/app/'
const nuxtDist = join(dirname(createRequire(import.meta.url).resolve('nuxt/package.json')), 'dist')

interface Result { code: string }
function transform(code: string, id: string): { result: Result | null, warnings: string[] } {
  const warnings: string[] = []
  const context = {
    warn: (message: string) => warnings.push(message),
    error: (message: string) => {
      throw new Error(message)
    },
  }
  const hook = withoutPageTransitions({ srcDir: SRC }).transform as unknown as (this: typeof context, code: string, id: string) => Result | null
  return { result: hook.call(context, code, id), warnings }
}

describe('withoutPageTransitions', () => {
  it.each([
    ['app/components/utils.js', 'h(Transition'],
    ['pages/runtime/utils.js', 'h(KeepAlive'],
  ])('makes the installed Nuxt\'s %s wrapper pass its children through', (file, wrapper) => {
    const path = join(nuxtDist, file)
    const source = readFileSync(path, 'utf8')
    expect(source).toContain(wrapper)

    const { result, warnings } = transform(source, path)

    // A Nuxt upgrade that rewrites the wrapper fails here, not silently in the bundle's size.
    expect(warnings).toEqual([])
    expect(result?.code).not.toContain(wrapper)
    expect(result?.code).toMatch(/=> children(?:\.default\?\.\(\))? \}/)
  })

  it('stops the build where a page asks for a transition or keep-alive the bundle no longer has', () => {
    expect(() => transform(`definePageMeta({ pageTransition: { name: 'fade' } })`, `${SRC}pages/index.vue`)).toThrow(/pageTransition|transition/)
    expect(() => transform(`definePageMeta({ keepalive: true })`, `${SRC}pages/cart.vue?macro=true`)).toThrow(/keep-alive/)
    expect(() => transform(`<NuxtPage :transition="{ name: 'x' }" />`, `${SRC}app.vue`)).toThrow(/keep-alive|transition/)
  })

  it('leaves other code alone, including fetch(…, { keepalive: true }) outside page meta', () => {
    expect(transform(`fetch(url, { keepalive: true })`, `${SRC}composables/observability/send.ts`).result).toBeNull()
    expect(transform(`export const x = 1`, `${SRC}node_modules/other/utils.js`).result).toBeNull()
  })
})
