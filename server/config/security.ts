import type { ModuleOptions } from 'nuxt-security'

/**
 * nuxt-security options (nuxt.config `security`). The CSP uses hashes, not nonces: anonymous pages are
 * served from a shared cache, and a nonce repeated to every visitor would be no secret. The hashes of a
 * page's inline scripts are added per render by server/plugins/contentSecurityPolicy.ts, and stored with
 * the page in the cache, so page and header always match.
 */
export const securityOptions: Partial<ModuleOptions> = {
  nonce: false,
  sri: true,
  // Global limits would throttle crawlers and load tests; the auth BFF rate-limits sign-in itself.
  rateLimiter: false,
  // Pattern-matching "XSS" in queries rejects honest searches; Vue escapes output instead.
  xssValidator: false,
  // Same-origin app: h3's CORS handler would otherwise answer every OPTIONS before the /api proxy.
  corsHandler: false,
  // Keep console output: server logs are how outages get diagnosed.
  removeLoggers: false,
  headers: {
    contentSecurityPolicy: {
      'default-src': ["'self'"],
      'base-uri': ["'none'"],
      'connect-src': ["'self'"],
      'font-src': ["'self'", 'data:'],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
      'frame-src': ["'none'"],
      // The backend's origins are appended at runtime: NUXT_API_BASE's and NUXT_PUBLIC_MEDIA_ORIGIN (imageSources.ts).
      'img-src': ["'self'", 'data:', 'blob:'],
      'manifest-src': ["'self'"],
      'media-src': ["'self'"],
      'object-src': ["'none'"],
      'script-src': ["'self'"],
      'script-src-attr': ["'none'"],
      // Vue writes style attributes (transitions, virtual list offsets); no inline <style> carries secrets.
      'style-src': ["'self'", "'unsafe-inline'"],
      'worker-src': ["'self'"],
      // HSTS upgrades in production; this directive would also rewrite http:// backend images in local setups.
      'upgrade-insecure-requests': false,
    },
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    referrerPolicy: 'strict-origin-when-cross-origin',
    strictTransportSecurity: { maxAge: 31_536_000, includeSubdomains: true },
    xContentTypeOptions: 'nosniff',
    xFrameOptions: 'DENY',
    permissionsPolicy: {
      'camera': [],
      'microphone': [],
      'geolocation': [],
      'display-capture': [],
      'payment': [],
      'usb': [],
      'fullscreen': ['self'],
    },
  },
}
