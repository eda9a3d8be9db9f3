import { h, type FunctionalComponent, type VNodeArrayChildren } from 'vue'
import NuxtLink from '#app/components/nuxt-link'
import { useRouter } from '#app'
import { stringifyQuery } from 'vue-router'
import { plainLinkAttributes } from '~/utils/routes/plainLink'

/**
 * The app's link: NuxtLink, with its props. In the browser it *is* NuxtLink (client navigation, prefetch of visible
 * links, active classes), not a wrapper around it.
 *
 * On the server, a link that cannot be active is written as the `<a>` NuxtLink would write, without NuxtLink's and
 * RouterLink's component instances, computed refs and route resolution: a listing has ~40 links (issue 20,
 * docs/benchmarks.md "Third pass"). Hydration matches elements, not the components that wrote them, so the
 * browser's NuxtLink takes the `<a>` over. Every other link is rendered by NuxtLink (utils/routes/plainLink.ts).
 */
const ServerLink: FunctionalComponent = (_props, { attrs, slots }) => {
  const router = useRouter()
  const plain = plainLinkAttributes(attrs, router.currentRoute.value.path, path => router.options.history.createHref(path), router.options.stringifyQuery ?? stringifyQuery)
  return plain ? h('a', plain, slots.default?.() as VNodeArrayChildren | undefined) : h(NuxtLink, attrs, slots)
}
ServerLink.inheritAttrs = false

export default (import.meta.server ? ServerLink : NuxtLink) as typeof NuxtLink
