import { CHUNK_RETRY_GLOBAL } from '../../../utils/build/retryableChunkImports'

/**
 * What happens when a part of the app's code cannot be fetched after the page is shown: a page or a Lazy component
 * during an in-app navigation, the failure message of a form submitted offline, a part hydrated when idle. Vite's
 * preload helper hands the failed import here (utils/build/retryableChunkImports.ts) instead of letting Vue render
 * nothing in its place for good. This inline script (the browser has it before any script file; it is HTML, not
 * first-view JavaScript):
 * - tells the shopper in a role=alert bar at the bottom of the screen, in plain words: offline, or the shop;
 * - offline, waits for the connection and imports again when it is back; online, imports again after 2, 4 and 8 s;
 *   "Try again" does it at once. The import resolves where it was made: the page finishes rendering in place, with
 *   everything typed or chosen on it (nothing is reloaded), and the bar goes once nothing is missing;
 * - gives up when the server says the file is gone (404: a deploy since the page loaded) or after three failures
 *   while online, and throws as before, so Nuxt reloads at the next navigation (at once for a page's own code); the
 *   bar then offers the reload, for the shopper to choose.
 * The CSP allows it by its hash, like the page's other inline scripts.
 */
const BAR_CLASS = 'fixed inset-x-0 bottom-0 z-50 flex flex-wrap items-center justify-center gap-3 border-t border-red-200 bg-white px-4 py-3 text-sm text-red-700 shadow-lg'
const BUTTON_CLASS = 'inline-flex items-center justify-center rounded-md border border-gray-300 bg-white px-4 py-2 text-sm font-medium text-gray-900 hover:bg-gray-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2'

export const CHUNK_RETRY_TEXT = {
  offline: 'You are offline, so part of this page could not load. It will load by itself when your connection is back.',
  shop: 'Part of this page could not load from the shop. Trying again…',
  gaveUp: 'Part of this page could not load, perhaps because the shop was just updated. Reloading the page will show it.',
} as const

export const CHUNK_RETRY_SCRIPT = [
  '(function(){var w=window,d=document,n=navigator,q=[],gone=0,bar,msg,btn;',
  'function ui(){if(!q.length&&!gone){if(bar){bar.remove();bar=0}return}',
  `if(!bar){bar=d.createElement("div");bar.setAttribute("role","alert");bar.className=${JSON.stringify(BAR_CLASS)};`,
  `msg=d.createElement("p");btn=d.createElement("button");btn.type="button";btn.className=${JSON.stringify(BUTTON_CLASS)};`,
  'btn.onclick=function(){gone?location.reload():run()};bar.append(msg,btn);d.body.appendChild(bar)}',
  `var t=gone?${JSON.stringify(CHUNK_RETRY_TEXT.gaveUp)}:n.onLine?${JSON.stringify(CHUNK_RETRY_TEXT.shop)}:${JSON.stringify(CHUNK_RETRY_TEXT.offline)};`,
  'if(msg.textContent!==t)msg.textContent=t;btn.textContent=gone?"Reload the page":"Try again"}',
  'function run(){q.slice().forEach(function(t){t.go()})}',
  'function drop(t){var i=q.indexOf(t);if(i>=0)q.splice(i,1);ui()}',
  // Attempts count only while online: offline, the `online` event is what retries.
  'function wait(t,e){if(n.onLine){if(++t.n>3){gone=1;drop(t);t.no(e);return}t.id=setTimeout(t.go,1e3*Math.pow(2,t.n))}ui()}',
  // Online, a file the server no longer has (a deploy since the page loaded) is given up at once: Nuxt then reloads.
  'function gone404(t,e){var u=/https?:\\/\\/[^\\s]+?\\.js/.exec(e&&e.message);if(u&&n.onLine)',
  'fetch(u[0],{method:"HEAD",cache:"no-store"}).then(function(r){if(r.status==404&&q.indexOf(t)>=0){clearTimeout(t.id);gone=1;drop(t);t.no(e)}},function(){})}',
  `w.${CHUNK_RETRY_GLOBAL}=function(load){return load().catch(function(e){return new Promise(function(ok,no){var t={n:0,no:no,busy:0};`,
  't.go=function(){clearTimeout(t.id);if(t.busy)return;t.busy=1;',
  'load().then(function(m){drop(t);ok(m)},function(e){t.busy=0;wait(t,e)})};q.push(t);wait(t,e);gone404(t,e)})})};',
  'w.addEventListener("online",function(){ui();run()});w.addEventListener("offline",ui)})()',
].join('')
