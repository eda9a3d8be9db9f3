import { defineNuxtPlugin } from '#app'
import { shareComponentCaches } from '~/utils/ssr/sharedComponentCaches'

/** Server renders reuse Vue's normalized component options across requests (utils/ssr/sharedComponentCaches.ts). */
export default defineNuxtPlugin({
  name: 'shared-component-caches',
  setup(nuxtApp) {
    // After every plugin, so a global mixin one of them registers is seen.
    nuxtApp.hook('app:created', (vueApp) => {
      shareComponentCaches(vueApp)
    })
  },
})
