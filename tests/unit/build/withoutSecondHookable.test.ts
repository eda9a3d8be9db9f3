import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { withoutSecondHookable } from '~/utils/build/withoutSecondHookable'

const NUXT_PACKAGE = createRequire(import.meta.url).resolve('nuxt/package.json')

/** The plugin's resolveId with Vite's resolver standing in: it answers where it was asked from. */
async function resolve(source: string, importer: string | undefined): Promise<unknown> {
  const hook = withoutSecondHookable().resolveId as unknown as (this: object, source: string, importer: string | undefined) => Promise<unknown>
  const context = { resolve: async (what: string, from: string) => ({ id: `${what} as imported by ${from}` }) }
  return await hook.call(context, source, importer)
}

describe('withoutSecondHookable', () => {
  it('gives unhead and @unhead/vue the hookable Nuxt imports', async () => {
    const nuxtCopy = { id: `hookable as imported by ${NUXT_PACKAGE}` }
    expect(await resolve('hookable', '/app/node_modules/unhead/dist/shared/unhead.BrXkGDAU.mjs')).toEqual(nuxtCopy)
    expect(await resolve('hookable', '/app/node_modules/@unhead/vue/dist/index.mjs')).toEqual(nuxtCopy)
    expect(await resolve('hookable', 'C:\\app\\node_modules\\unhead\\dist\\client.mjs')).toEqual(nuxtCopy)
  })

  it('leaves every other import alone', async () => {
    expect(await resolve('hookable', '/app/node_modules/nuxt/dist/app/nuxt.js')).toBeNull()
    expect(await resolve('hookable', undefined)).toBeNull()
    expect(await resolve('ufo', '/app/node_modules/unhead/dist/client.mjs')).toBeNull()
    expect(await resolve('hookable', '/app/node_modules/unhead-like/index.mjs')).toBeNull()
  })
})
