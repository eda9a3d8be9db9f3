import { defineNitroPlugin } from 'nitropack/runtime'
import { EARLY_TAPS_SCRIPT, lowerScriptPriority } from '../utils/html/beforeHydration'

/**
 * Scripts at low priority, and taps made before hydration kept (server/utils/html/beforeHydration.ts). A render:html
 * hook, so a cached anonymous page is the same HTML. Its file name sorts before contentSecurityPolicy.ts: Nitro runs
 * plugins in that order, and the CSP plugin must see the inline script to add its hash.
 */
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('render:html', (html) => {
    html.head = [`<script>${EARLY_TAPS_SCRIPT}</script>`, ...html.head.map(lowerScriptPriority)]
    html.bodyAppend = html.bodyAppend.map(lowerScriptPriority)
  })
})
