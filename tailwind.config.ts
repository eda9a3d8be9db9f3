import type { Config } from 'tailwindcss'

export default {
  content: [
    './components/**/*.{vue,ts}',
    './pages/**/*.vue',
    './app.vue',
    './composables/**/*.ts',
  ],
  theme: {
    extend: {
      colors: {
        brand: { 50: '#eef6ff', 100: '#d9ebff', 500: '#1f6feb', 600: '#1a5fd0', 700: '#154ea9', 900: '#0b2a5b' },
      },
    },
  },
  plugins: [],
} satisfies Config
