import type { Plugin, Rollup } from 'vite'

// Every lazily loaded chunk of the app (a page, a Lazy component, a part hydrated when idle) is imported through
// Vite's preload helper. When the import fails (the connection dropped, the shop did not answer), Vue renders
// nothing in the component's place, for good: a product page opened offline stayed an empty <main> after the
// connection came back. This hands such a failure to the page's inline chunk-retry script
// (server/utils/html/chunkRetry.ts), which tells the shopper, waits for the connection or retries a few times, and
// resolves the import in place: nothing on the page is reloaded, so nothing typed or chosen is lost. What it gives up
// on is thrown as before (Nuxt then reloads at the next navigation: the fix after a deploy removed the chunk).
// The hook is one call in the entry; the logic is inline HTML, outside the first view's JavaScript. The call assumes
// the global: every page the server renders defines it before the app runs (server/plugins/beforeHydration.ts), and
// the few bytes a check would cost are more than some pages' budgets have left (a page without it would throw a
// ReferenceError where the import failed, into the same handling as before).
// Vite wraps every client `import("…")` with a string in the helper, a chunk without dependencies too (its deps are
// then `[]`); what it leaves bare (an `import()` of a computed name, code a plugin adds later) would bypass the
// retry, so each module's bare dynamic imports are wrapped in the global here: none in today's build, so no bytes.

/** Vite's virtual module for the helper (vite:build-import-analysis). */
export const PRELOAD_HELPER_ID = '\0vite/preload-helper.js'
/** The global the inline script defines: `(load) => Promise<module>`, load() retried as the script decides. */
export const CHUNK_RETRY_GLOBAL = '__retryChunk'

export const PRELOAD_HELPER_REWRITE = {
  from: 'return baseModule().catch(handlePreloadError);',
  to: `return ${CHUNK_RETRY_GLOBAL}(baseModule).catch(handlePreloadError);`,
} as const

/** What Vite names the helper in a module's code, calling it with an arrow function that makes one import. */
export const PRELOAD_HELPER_NAME = '__vitePreload'

/**
 * Client build only; a Vite upgrade that changes the helper's text, or how it calls it, stops the build rather than
 * silently losing the retry. Runs after Vite's own transform (order: post), which wraps imports in the helper.
 */
export function retryableChunkImports(): Plugin {
  return {
    name: 'storefront:retryable-chunk-imports',
    apply: 'build',
    transform: {
      order: 'post',
      handler(code, id) {
        if (id === PRELOAD_HELPER_ID) {
          if (!code.includes(PRELOAD_HELPER_REWRITE.from)) this.error(`Vite's preload helper no longer contains "${PRELOAD_HELPER_REWRITE.from}": update utils/build/retryableChunkImports.ts`)
          return { code: code.replace(PRELOAD_HELPER_REWRITE.from, PRELOAD_HELPER_REWRITE.to), map: null }
        }
        if (!DYNAMIC_IMPORT.test(code)) return
        const wrapped = wrapBareImports(code, this.parse(code), message => this.error(`${id}: ${message}: update utils/build/retryableChunkImports.ts`))
        // Only a module that had a bare import changes; the inserted text moves no original line, hence no map.
        return wrapped === code ? undefined : { code: wrapped, map: null }
      },
    },
  }
}

const DYNAMIC_IMPORT = /\bimport\s*\(/

/** The little of an ESTree node this needs (Rollup's parser gives every node its offsets). */
interface AstNode { type: string, start: number, end: number, [field: string]: unknown }

/** `import(x)` -> `__retryChunk(() => import(x))` wherever Vite did not put the import in its helper. */
export function wrapBareImports(code: string, ast: Rollup.ProgramNode, fail: (message: string) => never): string {
  const inserts: Array<{ at: number, text: string }> = []
  visit(ast as unknown as AstNode, [], (node, ancestors) => {
    if (isHelperCall(node)) {
      const load = node.arguments[0]
      if (load?.type !== 'ArrowFunctionExpression' || countImports(load) !== 1) fail(`Vite calls ${PRELOAD_HELPER_NAME} in an unknown shape (not with an arrow function making one import)`)
    }
    if (node.type === 'ImportExpression' && !ancestors.some((parent, i) => isHelperCall(parent) && parent.arguments[0] === ancestors[i + 1])) {
      inserts.push({ at: node.start, text: `${CHUNK_RETRY_GLOBAL}(() => ` }, { at: node.end, text: ')' })
    }
  })
  // From the end, so that the offsets before each insert still hold (an import inside a bare one's too).
  return inserts.sort((a, b) => b.at - a.at).reduce((text, insert) => text.slice(0, insert.at) + insert.text + text.slice(insert.at), code)
}

function isHelperCall(node: AstNode): node is AstNode & { arguments: AstNode[] } {
  const callee = node.callee as AstNode | undefined
  return node.type === 'CallExpression' && callee?.type === 'Identifier' && callee.name === PRELOAD_HELPER_NAME
}

function countImports(root: AstNode): number {
  let count = 0
  visit(root, [], (node) => { if (node.type === 'ImportExpression') count++ })
  return count
}

/** Depth-first over the AST, with each node's ancestors (outermost first). */
function visit(node: AstNode, ancestors: AstNode[], enter: (node: AstNode, ancestors: AstNode[]) => void): void {
  enter(node, ancestors)
  const path = [...ancestors, node]
  for (const value of Object.values(node)) {
    for (const child of Array.isArray(value) ? value : [value]) {
      if (isNode(child)) visit(child, path, enter)
    }
  }
}

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
}
