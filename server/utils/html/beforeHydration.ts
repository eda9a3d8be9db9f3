/**
 * What the server HTML does for the shopper before the app's JavaScript has run (issue 21). The first view is
 * complete without it: text, links, inlined CSS and the first product images (fetchpriority="high"). The app's
 * scripts are fetched once that has been painted, and until the app has hydrated, links work and taps are kept.
 */

export interface Preload {
  href: string
  /** SRI hash (nuxt-security's, for the built file), checked by the browser as before. */
  integrity?: string
}

// The tags as Nuxt renders them, before nuxt-security adds their SRI attributes (its hook runs after ours).
const PRELOAD_LINK = /<link rel="modulepreload" as="script" crossorigin href="(\/[^"]+\.js)">/g
const ENTRY_SCRIPT = /<script type="module" src="(\/[^"]+\.js)" crossorigin><\/script>/

/**
 * Nuxt puts a module script for its entry and a modulepreload for every file of the first view in <head>. The
 * browser fetches them with the HTML at high priority and runs them as soon as the document is parsed, so:
 * - on a phone's connection the first product images shared the bandwidth with ~90 KiB of scripts and arrived last
 *   (Lighthouse's mobile run: largest paint, a product image, at 2.0-2.3 s);
 * - where the scripts were there in time (a fast connection, a cached visit), ~215 KB of JavaScript was evaluated
 *   and the page hydrated before anything was painted: the product page's first paint came after 350 ms of script
 *   on a desktop CPU, about 1.4 s on Lighthouse's throttled phone.
 * Both tags are replaced by one inline loader that adds the same modulepreloads, with their SRI hashes, once the
 * document is parsed and a frame has been drawn (or after 100 ms in a background tab, where frames wait), then
 * imports the entry when its preload has settled, loaded or failed (so its hash is checked first: a module whose
 * preload failed fails to import too, as its module script would have). A browser without modulepreload imports the
 * entry at once. Hydration starts a little later on a
 * slow connection; what the shopper came for is on screen first, and taps made meanwhile are kept (EARLY_TAPS_SCRIPT).
 * A head without a same-origin entry script (assets on a CDN, cdnURL) is left as Nuxt wrote it.
 */
export function deferAppScripts(head: readonly string[], integrityOf: (href: string) => string | undefined): string[] {
  const entry = head.map(part => ENTRY_SCRIPT.exec(part)?.[1]).find(Boolean)
  if (!entry) return [...head]
  const preloads: Preload[] = []
  const stripped = head.map(part => part.replace(PRELOAD_LINK, (_tag, href: string) => {
    preloads.push({ href, integrity: integrityOf(href) })
    return ''
  }))
  if (!preloads.some(preload => preload.href === entry)) preloads.unshift({ href: entry, integrity: integrityOf(entry) })
  return stripped.map(part => part.replace(ENTRY_SCRIPT, () => `<script>${appLoaderScript(entry, preloads)}</script>`))
}

/** The inline loader for `entry` and the page's `preloads` (exported for the chaos suite's HTML audit). */
export function appLoaderScript(entry: string, preloads: readonly Preload[]): string {
  const list = JSON.stringify(preloads.map(({ href, integrity }) => (integrity ? [href, integrity] : [href])))
  return [
    `(function(){var d=document,e=${JSON.stringify(entry)},p=${list},s=0;`,
    'function i(){if(s)return;s=1;var r=d.createElement("link").relList;',
    'if(!r||!r.supports||!r.supports("modulepreload")){import(e);return}',
    'p.forEach(function(x){var l=d.createElement("link");l.rel="modulepreload";l.crossOrigin="";l.href=x[0];',
    'if(x[1])l.integrity=x[1];if(x[0]===e)l.onload=l.onerror=function(){import(e)};d.head.appendChild(l)})}',
    'function b(){requestAnimationFrame(function(){setTimeout(i)});setTimeout(i,100)}',
    'd.readyState==="loading"?d.addEventListener("DOMContentLoaded",b):b()})()',
  ].join('')
}

const APP_LOADER = /^\(function\(\)\{var d=document,e=("[^"]*"),p=(\[.*?\]),s=0;/

/**
 * The entry and preloads an inline script written by appLoaderScript names, or null for any other script: for what
 * reads pages as the browser gets them (the first-view weight in bench/, the chaos suite's HTML audit, tests).
 */
export function readAppLoader(script: string): { entry: string, preloads: Preload[] } | null {
  const found = APP_LOADER.exec(script)
  if (!found) return null
  const entry = JSON.parse(found[1]!) as string
  const preloads = (JSON.parse(found[2]!) as string[][]).map(([href = '', integrity]) => ({ href, integrity }))
  return { entry, preloads }
}

/**
 * A tap on a button marked data-early-tap (add to cart, quick add, a heart), or on any button inside an element so
 * marked (the reviews, whose "More reviews" is the generic list's button), before its component has hydrated would
 * do nothing: the button has no handler yet. So would a radio's (the product page's variant picker): the browser
 * checks it, and hydration sets it back to the app's state. A radio clicked again once it has handlers is chosen
 * again (one whose v-model or whose component took the choice over already is checked, so the click changes
 * nothing). This inline script, the first thing in <head>, remembers such a button
 * and clicks it again once Vue has attached its handlers (Vue keeps them on the element under a symbol described
 * "_vei"), so the tap does what the shopper meant, once however often they tapped. It gives up on a button after
 * 10 s (the app did not load: a cart change that late would be a surprise) or when the button left the page. While
 * its click runs the button has data-early-replay, for a handler whose meaning depends on what the tap saw (a heart
 * the server showed unsaved meant "save": ProductDetailHeart.vue).
 * A marked submit button (the account forms' AuthSubmitButton) waits for its form's handler instead, and its click,
 * which Enter in a field makes too (the browser's implicit submission), is stopped meanwhile: the browser would send
 * the form itself, and the page it got back had every field empty (a form without method="post" put the fields in
 * the address). Replayed once the form is live, it submits what the fields hold (below). After 10 s it is dropped,
 * as a tap is.
 * A control inside an element marked data-early-input (UiTextField: the account forms; the product page's quantity,
 * the listing's sort) keeps what the shopper typed or chose there too: hydration puts the app's value back over it
 * (v-model, :value). Once the control has Vue's listeners or v-model (symbols "_vei", "_assign"), it is given their
 * value with an input and a change event, as if they had just left it, so the app's model takes it; a kept tap,
 * replayed after it in the same turn, then submits or adds what they typed. Given again (three times at most) while
 * it shows the server's value once more (v-model's mounted hook may run later, inside a pending Suspense); a control
 * the app set to anything else keeps the app's value (a clamped quantity); one the shopper edits once it is live is
 * theirs; let go once it held their value for a second. What was typed waits up to a minute for the app (a late
 * value surprises nobody, unlike a late tap): a busy phone can take more than the taps' 10 s to hydrate a form.
 * Inline, so it works before any script file has arrived; the CSP allows inline scripts by their hashes
 * (contentSecurityPolicy.ts hashes every inline script of a page).
 */
export const EARLY_TAPS_SCRIPT = [
  '(function(){var d=document,q=[],k=[],s=0,m=0,p=0,u=0;',
  'function y(n,x){return Object.getOwnPropertySymbols(n).some(function(z){return z.description===x})}',
  'function h(b){return y(b.type==="submit"&&b.form||b,"_vei")}',
  'function l(n){return y(n,"_vei")||y(n,"_assign")}',
  'function g(n){return n.type==="checkbox"?n.checked:n.value}',
  'function z(n){var o=n.options,i;if(n.type==="checkbox")return n.defaultChecked;if(!o)return n.defaultValue;',
  'for(i=0;i<o.length;i++)if(o[i].defaultSelected)return o[i].value;return o.length?o[0].value:""}',
  'function r(){if(!s){s=1;w()}}',
  'd.addEventListener("click",function(e){var t=e.target,b=t&&t.closest&&t.closest("button[data-early-tap],[data-early-tap] button,input[type=radio]");',
  'if(!b||h(b))return;if(b.type==="submit")e.preventDefault();if(q.indexOf(b)>=0)return;if(!q.length)p=Date.now();q.push(b);r()},true);',
  'function v(e){var n=e.target,o=null;if(m||!n||!n.closest||!n.closest("[data-early-input]")||n.type==="radio"||!/^(INPUT|SELECT|TEXTAREA)$/.test(n.tagName))return;',
  'k.forEach(function(x){if(x.n===n)o=x});if(l(n)){if(o)k.splice(k.indexOf(o),1);return}',
  'if(!o){if(!k.length)u=Date.now();k.push(o={n:n,a:0,c:0})}o.v=g(n);r()}',
  'd.addEventListener("input",v,true);d.addEventListener("change",v,true);',
  'function w(){setTimeout(function(){',
  'k=k.filter(function(o){var n=o.n,c;if(!n.isConnected)return false;if(!l(n))return true;c=g(n);',
  'if(o.a&&c===o.v)return ++o.c<20;if(o.a&&(c!==z(n)||o.a>2))return false;o.c=0;o.a++;',
  'if(n.type==="checkbox")n.checked=o.v;else n.value=o.v;m=1;',
  'try{n.dispatchEvent(new Event("input",{bubbles:true}));n.dispatchEvent(new Event("change",{bubbles:true}))}finally{m=0}return true});',
  'q=q.filter(function(b){if(!b.isConnected)return false;',
  'if(h(b)){b.setAttribute("data-early-replay","");b.click();b.removeAttribute("data-early-replay");return false}return true});',
  'var t=Date.now();if(t-p>=1e4)q=[];if(t-u>=6e4)k=[];if(q.length||k.length)w();else s=0},50)}})()',
].join('')
