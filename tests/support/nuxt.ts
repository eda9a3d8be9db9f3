import { afterEach } from 'vitest'
import { defineComponent, h, nextTick, type Component } from 'vue'
import { mountSuspended } from '@nuxt/test-utils/runtime'
import type { VueWrapper } from '@vue/test-utils'
import type { RouteLocationRaw } from 'vue-router'
import { useNuxtApp, useRouter } from '#imports'

// Nuxt project only (it imports @nuxt/test-utils' runtime): mount what a page uses inside the test Nuxt app, with
// its router, Pinia and head. Pair with useFakeApi() for a fake transport and empty stores per test.

const mounted: VueWrapper[] = []

afterEach(() => {
  for (const wrapper of mounted.splice(0)) wrapper.unmount()
})

export interface MountOptions {
  /** The URL the app is on when the composable runs (its query, its params). */
  route?: string
}

/**
 * Navigates before mounting, until the app is there: mountSuspended's own navigation runs inside its setup, and the
 * previous test's last navigation (a filter cleared as it ended) could still land after it, so a composable read
 * that test's query and asked the fake API for it (CatalogListing's counts, one run in three).
 */
async function arriveAt(route: RouteLocationRaw | false | undefined): Promise<void> {
  if (!route) return
  const router = useRouter()
  const target = router.resolve(route).fullPath
  const app = useNuxtApp()
  for (let attempt = 0; attempt < 20; attempt++) {
    if (router.currentRoute.value.fullPath !== target) await router.replace(route)
    else if (app._route.fullPath === target) return
    await nextTick()
  }
  throw new Error(`The test app did not arrive at ${target} (it is at ${router.currentRoute.value.fullPath})`)
}

/** A composable's result, mounted in a component of the Nuxt app (so lifecycle hooks, inject and head work). */
export interface Mounted<R> {
  result: R
  wrapper: VueWrapper
}

/**
 * Runs `use` in the setup of a component mounted in the Nuxt app, awaiting it as a page's `await useX()` is, and
 * returns what it returned. Keys of callOnce (useStoreLoad) from an earlier mount are forgotten first, so every
 * mount loads as a new page would. Unmounted after each test.
 */
export async function mountComposable<R>(use: () => R | Promise<R>, options: MountOptions = {}): Promise<Mounted<Awaited<R>>> {
  useNuxtApp().payload.once.clear()
  await arriveAt(options.route)
  let result!: Awaited<R>
  const wrapper = await mountSuspended(defineComponent({
    async setup() {
      result = await use()
      return () => h('div')
    },
  }), { route: options.route })
  mounted.push(wrapper)
  return { result, wrapper }
}

/** Mounts a component in the Nuxt app (unmounted after each test), for component tests. */
export async function mountInNuxt(component: Component, options: Parameters<typeof mountSuspended>[1] = {}): Promise<VueWrapper> {
  await arriveAt(options.route)
  const wrapper = await mountSuspended(component, options)
  mounted.push(wrapper)
  return wrapper
}
