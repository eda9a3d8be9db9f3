import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { parseAst } from 'vite'
import { describe, expect, it, vi } from 'vitest'
import { CHUNK_RETRY_GLOBAL, PRELOAD_HELPER_ID, PRELOAD_HELPER_NAME, PRELOAD_HELPER_REWRITE, retryableChunkImports } from '~/utils/build/retryableChunkImports'

interface Context { error: (message: string) => never, parse: typeof parseAst }
type Transform = (this: Context, code: string, id: string) => { code: string } | undefined
const hook = retryableChunkImports().transform
const transform = (typeof hook === 'object' ? hook.handler : hook) as unknown as Transform
const context: Context = { error: (message: string): never => { throw new Error(message) }, parse: parseAst }

describe('the preload helper hands a failed import to the page\'s retry', () => {
  it('the installed Vite still writes the line it rewrites', () => {
    const vite = dirname(createRequire(import.meta.url).resolve('vite/package.json'))
    const source = readFileSync(join(vite, 'dist/node/chunks/config.js'), 'utf8')
    expect(source).toContain(PRELOAD_HELPER_REWRITE.from)
    expect(source).toContain(`const preloadMethod = \`${PRELOAD_HELPER_NAME}\``)
  })

  it('rewrites only the helper, and stops the build when the helper changed', () => {
    expect(transform.call(context, `function f() { ${PRELOAD_HELPER_REWRITE.from} }`, '/app/pages/index.vue')).toBeUndefined()
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

describe('a dynamic import Vite left out of its helper goes through the page\'s retry too', () => {
  const id = '/app/composables/cart/useCartLoader.ts'
  // What Vite's import analysis writes (vite:build-import-analysis), before this transform (order: post).
  const wrapped = `${PRELOAD_HELPER_NAME}(() => import("./cartRuntime.ts"), __VITE_IS_MODERN__ ? __VITE_PRELOAD__ : void 0, import.meta.url)`
  const destructured = `${PRELOAD_HELPER_NAME}(async () => { const {startCart} = await import("./cartRuntime.ts");return { startCart }}, __VITE_IS_MODERN__ ? __VITE_PRELOAD__ : void 0, import.meta.url)`

  it('wraps a bare import, computed or not, in the global', () => {
    const code = `export const load = (name) => Promise.all([import("./observeEnd.ts"), import(\`./locales/\${name}.ts\`)])`
    expect(transform.call(context, code, id)?.code).toBe(
      `export const load = (name) => Promise.all([${CHUNK_RETRY_GLOBAL}(() => import("./observeEnd.ts")), ${CHUNK_RETRY_GLOBAL}(() => import(\`./locales/\${name}.ts\`))])`,
    )
  })

  it('wraps an import inside a bare one too', () => {
    expect(transform.call(context, 'export const load = () => import(import("./name.ts"))', id)?.code)
      .toBe(`export const load = () => ${CHUNK_RETRY_GLOBAL}(() => import(${CHUNK_RETRY_GLOBAL}(() => import("./name.ts"))))`)
  })

  it('leaves the imports already in the helper, and modules without dynamic imports', () => {
    expect(transform.call(context, `import { __vitePreload } from "${PRELOAD_HELPER_ID}"; export const a = () => ${wrapped}; export const b = () => ${destructured}`, id)).toBeUndefined()
    expect(transform.call(context, 'import { ref } from "vue"; export const important = ref(1)', id)).toBeUndefined()
  })

  it('wraps only the bare one of a module that has both', () => {
    const code = `export const a = () => ${wrapped}; export const b = () => import("./sanitizeHtml.ts")`
    expect(transform.call(context, code, id)?.code).toBe(`export const a = () => ${wrapped}; export const b = () => ${CHUNK_RETRY_GLOBAL}(() => import("./sanitizeHtml.ts"))`)
  })

  it('stops the build when Vite calls its helper in another shape', () => {
    expect(() => transform.call(context, `export const a = () => ${PRELOAD_HELPER_NAME}(import("./cartRuntime.ts"), [])`, id)).toThrow(/unknown shape/)
    expect(() => transform.call(context, `const load = () => import("./cartRuntime.ts"); export const a = () => ${PRELOAD_HELPER_NAME}(load, [])`, id)).toThrow(/unknown shape/)
  })
})
