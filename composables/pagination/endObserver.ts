import { effectScope, ref, watch, type Ref } from 'vue'

export interface EndObserverOptions {
  /** Report when the end is this many screens away. */
  screens: number
  /** Whether a page may be asked for now (list idle, page active); the sentinel is observed only then. */
  canLoad: () => boolean
  onNear: () => void
}

export interface EndObserver {
  /** True while the tab is hidden: nothing loads. */
  hidden: Ref<boolean>
  stop: () => void
}

/**
 * The working part of useInfiniteScroll, loaded once a list with a sentinel is mounted (the first view does not need
 * it). Whenever a load may start (a page landed, the tab came back) the sentinel is observed afresh: the observer's
 * first report for a newly observed element says where it is now, even if it left and came back in between.
 */
export function observeEnd(el: HTMLElement, options: EndObserverOptions): EndObserver {
  const hidden = ref(document.visibilityState === 'hidden')
  const canLoad = () => !hidden.value && options.canLoad()
  const margin = `${options.screens * 100}%`
  const observer = new IntersectionObserver((entries) => {
    if (entries.some(entry => entry.isIntersecting) && canLoad()) options.onNear()
  }, { rootMargin: `${margin} 0px ${margin} 0px` })
  const onVisibility = () => {
    hidden.value = document.visibilityState === 'hidden'
  }
  document.addEventListener('visibilitychange', onVisibility)

  const scope = effectScope(true)
  scope.run(() => watch(canLoad, (may) => {
    observer.unobserve(el)
    if (may) observer.observe(el)
  }, { immediate: true, flush: 'post' }))

  return {
    hidden,
    stop: () => {
      scope.stop()
      observer.disconnect()
      document.removeEventListener('visibilitychange', onVisibility)
    },
  }
}
