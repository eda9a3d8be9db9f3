import { defineNitroPlugin } from 'nitropack/runtime'
import sriHashes from '#sri-hashes'
import { deferAppScripts, EARLY_TAPS_SCRIPT } from '../utils/html/beforeHydration'
import { CHUNK_RETRY_SCRIPT } from '../utils/html/chunkRetry'

/**
 * The app's scripts fetched after the first paint, taps made before hydration kept
 * (server/utils/html/beforeHydration.ts), and code that fails to load later retried in place (chunkRetry.ts). A
 * render:html hook, so a cached anonymous page is the same HTML. Its file name sorts before contentSecurityPolicy.ts: Nitro runs plugins in that order, and the CSP plugin must see the
 * inline scripts to add their hashes. The SRI hashes are nuxt-security's, of the built files.
 */
const hashes: Record<string, string | undefined> = sriHashes

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('render:html', (html) => {
    html.head = [`<script>${EARLY_TAPS_SCRIPT}</script>`, `<script>${CHUNK_RETRY_SCRIPT}</script>`, ...deferAppScripts(html.head, href => hashes[href])]
  })
})
