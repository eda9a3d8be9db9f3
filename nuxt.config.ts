import type { Plugin } from 'vite'
import { fileURLToPath } from 'node:url'
import { securityOptions } from './server/config/security'
import { wrapNitroErrors } from './utils/build/wrapNitroErrors'
import { retryableChunkImports } from './utils/build/retryableChunkImports'
import { withoutEmptyRouteRules } from './utils/build/withoutEmptyRouteRules'
import { withoutPageTransitions } from './utils/build/withoutPageTransitions'
import { withoutSecondHookable } from './utils/build/withoutSecondHookable'
import { withoutReloadDestr } from './utils/build/withoutReloadDestr'
import { withoutOverriddenRouterOptions } from './utils/build/withoutOverriddenRouterOptions'
import { lazyErrorComponent } from './utils/build/lazyErrorComponent'

/**
 * Rollup gives a lazily imported module's chunk no facade when other chunks import from it: the checkout page's
 * chunk, whose lazily loaded steps use the page's composables, came out keyed by its file name in Vite's manifest,
 * not as pages/checkout.vue. Nuxt preloads a page by module id, so the page's code was not preloaded and came only
 * after the entry had run (and its first-view weight was not counted). This names such a chunk after the one
 * lazily imported module it holds, as Rollup does when no other chunk imports from it.
 */
function keepDynamicEntryNames(): Plugin {
  return {
    name: 'storefront:keep-dynamic-entry-names',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isDynamicEntry || chunk.facadeModuleId) continue
        const lazy = chunk.moduleIds.filter(id => (this.getModuleInfo(id)?.dynamicImporters.length ?? 0) > 0)
        if (lazy.length === 1) chunk.facadeModuleId = lazy[0]!
      }
    },
  }
}

// Every setting that differs between machines comes from env through runtimeConfig
// (NUXT_API_BASE, NUXT_PUBLIC_SITE_URL, ...), never from code.
export default defineNuxtConfig({
  compatibilityDate: '2025-07-15',
  devtools: { enabled: false },
  telemetry: false,
  experimental: {
    // Nuxt's app manifest serves route rules to the browser (redirects, app middleware, prerendered pages) and
    // polls for a newer build. The storefront has no route rules of Nuxt's (its route policy is utils/routes) and a
    // deploy is noticed by a chunk that fails to load (reload then). Without it: no manifest request on the first
    // navigation, and ~0.5 KiB less gzip in every page's entry (issue 21).
    appManifest: false,
    // The payload as an inline script (devalue's uneval: `window.__NUXT__=(function(a,b){...})`) instead of JSON
    // that the browser revives with devalue's parser: 1.7 KiB less gzip in every page's entry (issue 21). The JSON
    // form's reducers are for refs, Nuxt errors and the like in the payload; the stores here hold plain data (errors
    // as ApiErrorData), and uneval refuses anything else, so a page that broke this would fail to render in the
    // integration and chaos suites, which render every page kind and its failures. Inline like the JSON was: the CSP
    // hashes it the same way.
    renderJsonPayloads: false,
    // Payload files beside prerendered pages, and the browser plugin that fetches them on navigation: nothing here is
    // prerendered (pages render per request, behind the server's own page cache). -0.2 KiB per entry (issue 21).
    payloadExtraction: false,
  },
  modules: ['@pinia/nuxt', '@vueuse/nuxt', '@nuxtjs/tailwindcss', '@nuxt/eslint', 'nuxt-security'],
  typescript: { strict: true, typeCheck: false },
  runtimeConfig: {
    // Backend base URL, server-only: the browser only ever talks to /api on this origin.
    apiBase: 'http://127.0.0.1:4010/api',
    // The /api proxy, server renders and the sitemap give up on a backend call after this long: 504
    // (NUXT_API_TIMEOUT_MS). Below the browser's public.api.timeoutMs, with room for the answer's way back: the
    // proxy's 504 is what the process's breaker counts; a browser that gives up first only closes its connection,
    // and a hanging backend would never open the breaker while only browsers call (docs/api-core.md, "Timeouts").
    apiTimeoutMs: 8_000,
    // Seconds server renders share public, anonymous backend reads (category tree, unfiltered facets);
    // 0 turns it off (NUXT_SHARED_READS_TTL_S). Never anything that depends on who asks.
    sharedReadsTtlS: 30,
    // Shared page cache, auth sessions and rate limits in Redis when set, e.g. redis://127.0.0.1:6379 (NUXT_REDIS_URL).
    redisUrl: '',
    redisKeyPrefix: 'sf',
    // Products per sitemap file before /sitemap.xml becomes an index (NUXT_SITEMAP_CHUNK_SIZE; protocol max 50,000).
    sitemapChunkSize: 45_000,
    // Behind a reverse proxy you run, take the shopper's address from X-Forwarded-For (auth rate limits). NUXT_AUTH_TRUST_PROXY.
    authTrustProxy: false,
    // Auth attempts per window (docs/auth.md: a minute for sign-in and registration, 15 minutes for password resets),
    // e.g. NUXT_AUTH_RATE_LIMIT_REGISTER=100 for a suite that registers a lot.
    authRateLimit: { loginPerAccount: 10, loginPerAddress: 50, register: 10, passwordResetPerAccount: 5, passwordResetPerAddress: 20, passwordResetConfirm: 10 },
    // How often, at most, the instances retry blacklisting refresh tokens of sign-outs the backend could not hear of
    // (docs/auth.md, "Signing out while the backend is away"). NUXT_AUTH_REVOCATION_RETRY_MS.
    authRevocationRetryMs: 10_000,
    // /readyz (docs/deployment.md): each dependency check gives up after timeoutMs; a report is reused for cacheMs;
    // the backend is asked GET <apiBase><backendPath>. NUXT_READINESS_TIMEOUT_MS, _CACHE_MS, _BACKEND_PATH.
    readiness: { timeoutMs: 1_000, cacheMs: 1_000, backendPath: '/' },
    // SIGTERM: keep accepting drainDelayMs (readiness already 503), then stop accepting and give in-flight requests
    // timeoutMs before cutting them. NUXT_SHUTDOWN_DRAIN_DELAY_MS, NUXT_SHUTDOWN_TIMEOUT_MS.
    shutdown: { drainDelayMs: 0, timeoutMs: 20_000 },
    public: {
      siteUrl: 'http://localhost:3000',
      // Where product images are served when not from the API's host: Django's MEDIA_URL host or a CDN, e.g.
      // https://media.example.com (NUXT_PUBLIC_MEDIA_ORIGIN). The CSP allows it for images; '' adds nothing.
      mediaOrigin: '',
      // useApi core policies (docs/api-core.md); each key is overridable, e.g. NUXT_PUBLIC_API_BREAKER_COOLDOWN_MS.
      api: {
        timeoutMs: 10_000,
        ssrTimeoutMs: 5_000,
        maxRetries: 2,
        // Two retries get a render past the two 503s in a row of a backend deploy (+0.75 s median); a third costs
        // ~1.7 s more and the browser retries the page's content by itself anyway (bench/chaos/retryBudget.ts).
        ssrMaxRetries: 2,
        // A render's retry of one call must start within this long after its first attempt (docs/chaos.md).
        ssrRetryBudgetMs: 2_500,
        retryBaseDelayMs: 300,
        retryMaxDelayMs: 5_000,
        maxRetryAfterMs: 10_000,
        breakerFailureThreshold: 5,
        breakerCooldownMs: 10_000,
      },
      // Error monitoring, browser and server (docs/observability.md). No DSN: off, no SDK loaded or initialized.
      // NUXT_PUBLIC_SENTRY_DSN, _ENVIRONMENT, _RELEASE, _SAMPLE_RATE, _TRACES_SAMPLE_RATE; _TEST_FAULTS for tests only.
      sentry: { dsn: '', environment: '', release: '', sampleRate: 1, tracesSampleRate: 0, testFaults: false },
    },
  },
  // Our own code imports explicitly so every file shows which layer it depends on.
  imports: { scan: false },
  components: [{ path: '~/components', pathPrefix: false }],
  eslint: { config: { stylistic: false } },
  // Security headers and CSP (docs/seo-and-caching.md).
  security: securityOptions,
  // A reset link's page carries the token in its address: no Referer to anyone, not even a same-origin one in logs
  // (response headers only: Nuxt's browser route rules stay empty). The page is private: no shared cache keeps it.
  routeRules: { '/auth/password-reset/confirm': { security: { headers: { referrerPolicy: 'no-referrer' } } } },
  $development: {
    // Vite's dev client and HMR would need their own CSP; the built app is what the policy is tested on.
    security: { headers: { contentSecurityPolicy: false, strictTransportSecurity: false } },
  },
  vite: {
    // Client only: the server bundle stays unminified, so its stack traces stay readable.
    $client: {
      build: {
        // Terser over Vite's default esbuild minifier: about 5 KiB less gzip JavaScript per page (issue 8 budgets),
        // for ~4 s more client build time. Two compress passes catch what the first pass's inlining exposes.
        minify: 'terser',
        terserOptions: { ecma: 2020, compress: { passes: 2 } },
        // Every browser the storefront supports preloads modules itself (<link rel="modulepreload">: Chrome 66,
        // Safari 17, Firefox 115); Vite's polyfill for older ones was 0.4 KiB of gzip in every page's entry.
        modulePreload: { polyfill: false },
      },
    },
  },
  nitro: {
    // The built server serves /_nuxt and public files gzip- and brotli-compressed (made at build time) to
    // browsers that accept them: a shopper on a phone gets ~100 KiB of JS instead of ~260 KiB.
    compressPublicAssets: { gzip: true, brotli: true },
  },
  hooks: {
    // Nuxt's error handler stays, wrapped: its error pages go out with the page cache's Cache-Control for what it does
    // not keep (Nitro's default writes `no-cache`), and Nitro's handler keeps quiet: server errors are logged once, by
    // server/plugins/errorLog.ts, without the query (Nitro's would log crashes again with the raw URL).
    'nitro:config'(config) {
      const server = (path: string) => fileURLToPath(new URL(path, import.meta.url))
      wrapNitroErrors(config, [
        { path: server('./server/utils/pageCache/uncachedErrors.ts'), name: 'uncachedErrors' },
        { path: server('./server/utils/observability/quietErrorHandler.ts'), name: 'quietErrorHandler' },
      ])
    },
    'vite:extendConfig'(config, { isClient }) {
      if (isClient) config.plugins?.push(keepDynamicEntryNames(), retryableChunkImports(), withoutPageTransitions({ srcDir: fileURLToPath(new URL('.', import.meta.url)) }), withoutEmptyRouteRules(), withoutSecondHookable(), withoutReloadDestr(), withoutOverriddenRouterOptions({ appRouterOptions: fileURLToPath(new URL('./app/router.options.ts', import.meta.url)) }))
    },
    // Nuxt's pages prefetch plugin loads the layout and named middleware of a route a link points at. This app has
    // no layouts and only global middleware (in the entry already), so it did nothing but cost every entry 0.2 KiB
    // of gzip (issue 21); it stays as soon as either exists.
    'app:resolve'(app) {
      if (Object.keys(app.layouts).length || app.middleware.some(middleware => !middleware.global)) return
      app.plugins = app.plugins.filter(plugin => !/[\\/]pages[\\/]runtime[\\/]plugins[\\/]prefetch\.client/.test(plugin.src))
    },
    // Nuxt 3 gives unhead four plugins for Nuxt 2-era head input (template params like %s, promises, tagPriority
    // aliases, hid/vmid/children); nothing here uses them, and Nuxt 4 drops them by default. They were 0.9 KiB of
    // gzip in every page's entry (issue 21). Same options for the server render, which reads the same template.
    'app:templates'(app) {
      const options = app.templates.find(template => template.filename === 'unhead-options.mjs')
      if (options) options.getContents = () => 'export default { disableDefaults: true, disableCapoSorting: true }\n'
      // The error page loads when shown (utils/build/lazyErrorComponent.ts): -0.2 KiB of gzip in every entry.
      const errorTemplate = app.templates.find(template => template.filename === 'error-component.mjs')
      const errorComponent = app.errorComponent
      if (errorTemplate && errorComponent) errorTemplate.getContents = () => lazyErrorComponent(errorComponent)
      // The browser's global $fetch loads ofetch on first use (composables/core/api/lazyFetch.ts): 1.7 KiB of gzip
      // off every page's entry. Same condition as Nuxt's own: the server keeps Nitro's $fetch.
      const fetchTemplate = app.templates.find(template => template.filename === 'fetch.mjs')
      if (fetchTemplate) {
        fetchTemplate.getContents = () => [
          `import { baseURL } from '#internal/nuxt/paths'`,
          `import { createLazyFetch } from '~/composables/core/api/lazyFetch'`,
          `if (!globalThis.$fetch) {`,
          `  globalThis.$fetch = createLazyFetch(() => import('ofetch').then(m => m.$fetch.create({ baseURL: baseURL() })))`,
          `}`,
        ].join('\n')
      }
    },
    // Component styles are inlined into the server HTML wherever the component renders (features.inlineStyles), and
    // Nuxt drops the stylesheet of a component's own chunk from the manifest. A chunk shared by several lazily loaded
    // components (WishlistHeart: the idle-hydrated grids, the product page's heart, /wishlist) has no component of its
    // own, so it kept its stylesheet: every page preloading it linked, render-blocking, rules already inlined. Only the
    // server's <link> tags read this; a browser loading such a chunk later still fetches its CSS with it (Vite's
    // preload list). Library CSS comes only with lazily loaded entries (the toasts), which keep theirs.
    //
    // No <link rel="prefetch"> either: Nuxt listed every chunk any module of the page may import later, and the
    // browser fetched them all while the page loaded (home: 30 requests, 94 KB, 35 KB of it the monitoring SDK,
    // which only loads with a DSN), competing with the page's images. What a page needs later it imports itself
    // when idle (lazily hydrated parts, the api transport, toasts), and NuxtLink prefetches the pages of visible links.
    'build:manifest'(manifest) {
      for (const chunk of Object.values(manifest)) {
        if (!chunk.src && !chunk.isEntry && chunk.css?.length) chunk.css = []
        chunk.prefetch = false
      }
    },
  },
  app: {
    head: {
      htmlAttrs: { lang: 'en' },
      charset: 'utf-8',
      viewport: 'width=device-width, initial-scale=1',
    },
  },
})
