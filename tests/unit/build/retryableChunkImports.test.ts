import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { CHUNK_RETRY_GLOBAL, PRELOAD_HELPER_ID, PRELOAD_HELPER_REWRITE, retryableChunkImports } from '~/utils/build/retryableChunkImports'

type Transform = (this: { error: (message: string) => never }, code: string, id: string) => { code: string } | undefined
const transform = retryableChunkImports().transform as unknown as Transform
const context = { error: (message: string): never => { throw new Error(message) } }

describe('the preload helper hands a failed import to the page\'s retry', () => {
  it('the installed Vite still writes the line it rewrites', () => {
    const vite = dirname(createRequire(import.meta.url).resolve('vite/package.json'))
    const source = readFileSync(join(vite, 'dist/node/chunks/config.js'), 'utf8')
    expect(source).toContain(PRELOAD_HELPER_REWRITE.from)
  })

  it('rewrites only the helper, and stops the build when the helper changed', () => {
    expect(transform.call(context, PRELOAD_HELPER_REWRITE.from, '/app/pages/index.vue')).toBeUndefined()
    expect(() => transform.call(context, 'return baseModule();', PRELOAD_HELPER_ID)).toThrow(/no longer contains/)
  })

  it('imports through the page\'s retry, which gets the import to call (again)', async () => {
    const code = transform.call(context, `function preload(baseModule, handlePreloadError) { ${PRELOAD_HELPER_REWRITE.from} }`, PRELOAD_HELPER_ID)!.code
    const retry = vi.fn(async (load: () => Promise<unknown>) => load().catch(() => load()))
    const preload = new Function(CHUNK_RETRY_GLOBAL, `${code}; return preload`)(retry) as (load: () => Promise<unknown>, onError: (error: Error) => never) => Promise<unknown>
    const error = new Error('Failed to fetch dynamically imported module')
    const rethrow = (failure: Error): never => { throw failure }
    const load = vi.fn().mockRejectedValueOnce(error).mockResolvedValueOnce('module')
    await expect(preload(load, rethrow)).resolves.toBe('module')
    expect(load).toHaveBeenCalledTimes(2)
    // What the retry gives up on goes to Vite's handling, as a failed import did before.
    await expect(preload(() => Promise.reject(error), rethrow)).rejects.toBe(error)
  })
})
