import { toValue, type MaybeRefOrGetter } from 'vue'
import { setResponseStatus, useRequestEvent } from '#imports'

/**
 * Server render of a page whose subject does not exist (unknown category, ...): the helpful page is still shown,
 * with a real 404 status so crawlers drop the URL. Call it once the data that decides is loaded.
 */
export function useNotFoundStatus(notFound: MaybeRefOrGetter<boolean>): void {
  if (!import.meta.server || !toValue(notFound)) return
  const event = useRequestEvent()
  if (event) setResponseStatus(event, 404)
}
