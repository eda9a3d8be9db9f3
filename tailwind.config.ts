import type { Config } from 'tailwindcss'
import plugin from 'tailwindcss/plugin'

export default {
  content: [
    './components/**/*.{vue,ts}',
    './pages/**/*.vue',
    './app.vue',
    './composables/**/*.ts',
    // The inline chunk-retry bar's classes (server/utils/html/chunkRetry.ts).
    './server/utils/html/**/*.ts',
  ],
  theme: {
    extend: {
      colors: {
        brand: { 50: '#eef6ff', 100: '#d9ebff', 500: '#1f6feb', 600: '#1a5fd0', 700: '#154ea9', 900: '#0b2a5b' },
      },
    },
  },
  plugins: [
    // A heading the app moves the focus to (a new page's h1 from composables/ui/pageChange.ts, an order's thanks, a
    // checkout step, the mini-cart) shows it like any focused control: the 2 px brand ring. On :focus, not
    // :focus-visible: after a mouse click (a clicked card, "Place order") Chromium does not match :focus-visible on
    // the element a script focuses next, and that is where the keyboard goes on from. Only headings focusable by
    // script (tabindex="-1") match, so clicking a button or link draws nothing new; and a heading has that tabindex
    // only while a script gives it the focus (composables/ui/scriptFocus.ts), so a click on its text draws nothing.
    plugin(({ addBase, theme }) => {
      addBase({
        ':is(h1, h2, h3)[tabindex="-1"]:focus': { outline: `2px solid ${theme('colors.brand.500')}`, outlineOffset: '2px' },
      })
    }),
    // Rating stars (components/product/ProductRating.vue): the empty ones as outlines, the same glyph unfilled and
    // stroked at 4.8:1 on white (WCAG 1.4.11), so they differ from the filled ones by shape as well as colour; the
    // filled layer on top strokes in its own colour, so no grey rim shows around a filled star. Here rather than as
    // arbitrary classes in the template: class strings there are JavaScript in the product page's first view.
    // Forced colours (Windows High Contrast) paint all text in the shopper's text colour, the transparent fill too,
    // so every star looked filled: there both layers keep their shape (forced-color-adjust: none) and take that one
    // system colour, CanvasText, the filled ones as fill and the empty ones as outline only.
    plugin(({ addComponents, theme }) => {
      addComponents({
        '.stars-outline': { color: 'transparent', '-webkit-text-stroke': `1px ${theme('colors.gray.500')}` },
        '.stars-outline > *': { '-webkit-text-stroke-color': 'currentColor' },
        '@media (forced-colors: active)': {
          '.stars-outline': { 'forced-color-adjust': 'none', '-webkit-text-stroke-color': 'CanvasText' },
          // `> span`: more specific than the filled layer's text-amber-600, a utility and so later in the CSS.
          '.stars-outline > span': { color: 'CanvasText' },
        },
      })
    }),
    // The count on a listing's "Filters" button (components/catalog/CatalogListing.vue), as the header's badges look.
    // Here for the same reason as the stars: a class list in the template is JavaScript in the listings' first view.
    plugin(({ addComponents, theme }) => {
      addComponents({
        '.filters-badge': {
          minWidth: theme('spacing.5'),
          borderRadius: theme('borderRadius.full'),
          backgroundColor: theme('colors.brand.700'),
          paddingInline: theme('spacing.1'),
          textAlign: 'center',
          fontSize: '0.75rem',
          lineHeight: theme('spacing.5'),
          fontWeight: theme('fontWeight.semibold'),
          color: theme('colors.white'),
        },
      })
    }),
  ],
  // Tailwind 3 declares ~70 --tw-* custom properties on every element and pseudo-element (`*, ::before, ::after`)
  // so that transforms, rings and shadows compose; each element then carries its own copy, and style recalculation
  // pays for it on every page. This scopes those declarations to the elements using such utilities. Measured with a
  // Chromium trace at 4x CPU throttling, style recalculation per page load (median of 4): /products 160 -> 113 ms,
  // product page 170 -> 108, home 161 -> 100 (issue 21). Screenshots of 10 pages at 360 and 1280 px, plain, with
  // keyboard focus and hovered, were identical before and after (one 11-pixel anti-aliasing difference).
  experimental: { optimizeUniversalDefaults: true },
} satisfies Config
