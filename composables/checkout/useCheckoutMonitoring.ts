import { useNuxtApp } from '#app'
import type { ApiHookRegistry } from '~/composables/core/api/hookRegistry'

export interface UseCheckoutMonitoringReturn {
  /** Tags every later event with the step the shopper is on (null: left the checkout). */
  step: (step: string | null) => void
  /** An outcome worth an event: `checkout.<event>`, with tags that say nothing about the shopper. */
  report: (event: string, tags?: Record<string, string | number>) => void
}

/**
 * What the checkout tells error monitoring (docs/observability.md), through the api core's hooks so nothing is
 * added to any page's first view: the SDK, loaded when idle, receives it (or its early buffer keeps it until
 * then). Only names and counts: never an address, an email, a phone number or a payment token.
 */
export function useCheckoutMonitoring(): UseCheckoutMonitoringReturn {
  const hooks = (useNuxtApp().$api as { hooks?: ApiHookRegistry } | undefined)?.hooks
  return {
    step: step => hooks?.call('onTags', { tags: { 'checkout.step': step } }),
    report: (event, tags = {}) => hooks?.call('onReport', { event: `checkout.${event}`, tags }),
  }
}
