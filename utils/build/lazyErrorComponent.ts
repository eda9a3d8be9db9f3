// Nuxt imports the app's error.vue statically (#build/error-component.mjs), so the error page, which a shopper sees
// only when something went wrong, was in every page's entry (0.2 KiB of gzip). This is that module with the page as
// an async component: a server render that shows it preloads its chunk like any lazily used component's (Vue's SSR
// records the module), and hydrates it once loaded, inside NuxtRoot's Suspense; a client-side navigation that ends
// on it loads the chunk then, through the chunk retry like every lazy chunk (composables/ui/pageChange.ts waits for
// its <main> before announcing the page).

/** The contents of #build/error-component.mjs for the error component at `path`. */
export function lazyErrorComponent(path: string): string {
  return `import { defineAsyncComponent } from 'vue'\nexport default defineAsyncComponent(() => import(${JSON.stringify(path)}))\n`
}
