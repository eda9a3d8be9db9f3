import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { withoutReloadDestr } from '~/utils/build/withoutReloadDestr'

// Nuxt's own composables/chunk.js, as installed: the test follows a Nuxt upgrade.
const CHUNK_PATH = createRequire(import.meta.url).resolve('nuxt/package.json').replace(/package\.json$/, 'dist/app/composables/chunk.js')
const CHUNK = readFileSync(CHUNK_PATH, 'utf8')

function transform(code: string, id = CHUNK_PATH): { code: string | null, warnings: string[] } {
  const warnings: string[] = []
  const hook = withoutReloadDestr().transform as unknown as (this: { warn: (m: string) => void }, code: string, id: string) => { code: string } | null
  return { code: hook.call({ warn: m => warnings.push(m) }, code, id)?.code ?? null, warnings }
}

/** reloadNuxtApp's read of what it remembered, cut out of the rewritten module and run against `stored`. */
function readBack(code: string, stored: string | null): unknown {
  const statement = /^\s+handledPath = (.+);$/m.exec(code)?.[1]
  if (!statement) throw new Error('the rewritten module has no read of nuxt:reload')
  const sessionStorage = { getItem: () => stored }
  let handledPath: unknown = {}
  try {
    handledPath = new Function('sessionStorage', `return ${statement}`)(sessionStorage)
  }
  catch {
    // reloadNuxtApp's own catch: handledPath stays {}.
  }
  return handledPath
}

describe('withoutReloadDestr', () => {
  it('reads back the JSON reloadNuxtApp wrote without importing destr', () => {
    const { code, warnings } = transform(CHUNK)
    expect(warnings).toEqual([])
    expect(code).not.toBeNull()
    expect(code).not.toMatch(/\bdestr\b/)
    const remembered = { path: '/products/1-blue-mug', expires: 1_800_000_000_000 }
    expect(readBack(code!, JSON.stringify(remembered))).toEqual(remembered)
    // Nothing remembered, or something that is not Nuxt's JSON: no remembered path, so the reload goes ahead.
    expect(readBack(code!, null)).toEqual({})
    expect(readBack(code!, 'not json')).toEqual({})
  })

  it('warns and keeps destr when reloadNuxtApp reads anything else through it', () => {
    const { code, warnings } = transform(CHUNK.replace('return;\n  }', 'return;\n  }\n  destr(window.name);'))
    expect(code).toBeNull()
    expect(warnings).toEqual([expect.stringContaining('withoutReloadDestr')])
  })

  it('leaves every other module alone', () => {
    expect(transform(CHUNK, '/app/node_modules/nuxt/dist/app/composables/cookie.js').code).toBeNull()
  })
})
