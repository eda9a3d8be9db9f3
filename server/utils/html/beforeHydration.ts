/**
 * What the server HTML does for the shopper before the app's JavaScript has run (issue 21). The first view is
 * complete without it (text, links, inlined CSS, images); the app hydrates after the first images, and parts of
 * the page (the grids, the product page's heart) hydrate later still, when the browser is idle.
 */

const LOW = ' fetchpriority="low"'

/**
 * Scripts load at low priority, after the first product images (fetchpriority="high"). Chrome gives module scripts
 * and modulepreloads high priority, so on a phone's connection the first images shared the bandwidth with ~90 KiB
 * of scripts and arrived last: Lighthouse's mobile run put the largest paint (a product image) at 2.0-2.3 s and
 * counted every preloaded script as blocking the first paint. The scripts still start with the HTML (the preload
 * scanner finds them); what waits is hydration, and until then links work and taps are kept (EARLY_TAPS_SCRIPT).
 */
export function lowerScriptPriority(part: string): string {
  return part
    .replaceAll('<link rel="modulepreload"', `<link rel="modulepreload"${LOW}`)
    .replace(/<script type="module"(?=[^>]*\ssrc=)/g, `<script type="module"${LOW}`)
}

/**
 * A tap on a button marked data-early-tap (add to cart, quick add, a heart) before its component has hydrated would
 * do nothing: the button has no handler yet. This inline script, the first thing in <head>, remembers such a button
 * and clicks it again once Vue has attached its handlers (Vue keeps them on the element under a symbol described
 * "_vei"), so the tap does
 * what the shopper meant, once however often they tapped. It gives up on a button after 10 s (the app did not load:
 * a cart change that late would be a surprise) or when the button left the page. Inline, so it works before any
 * script file has arrived; the CSP allows it by its hash (contentSecurityPolicy.ts hashes every inline script).
 */
export const EARLY_TAPS_SCRIPT = [
  '(function(){var d=document,q=[];',
  'function h(b){return Object.getOwnPropertySymbols(b).some(function(s){return s.description==="_vei"})}',
  'd.addEventListener("click",function(e){var t=e.target,b=t&&t.closest&&t.closest("[data-early-tap]");',
  'if(!b||h(b)||q.indexOf(b)>=0)return;q.push(b);if(q.length===1)w(Date.now())},true);',
  'function w(s){setTimeout(function(){q=q.filter(function(b){if(!b.isConnected)return false;',
  'if(h(b)){b.click();return false}return true});if(q.length&&Date.now()-s<1e4)w(s);else q=[]},50)}})()',
].join('')
