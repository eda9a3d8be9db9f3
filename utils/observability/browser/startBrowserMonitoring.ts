import type { NuxtApp } from '#app'
import { addBreadcrumb, breadcrumbsIntegration, captureException, getTraceData, init, setTag, withScope } from '@sentry/vue'
import type { RouteLocationNormalized } from 'vue-router'
import type { ApiBreakerContext, ApiErrorContext, ApiReportContext, ApiResponseContext, ApiRetryContext, ApiTagsContext } from '~/composables/core/api/types'
import { apiErrorReport, breakerBreadcrumb, errorBreadcrumb, responseBreadcrumb, retryBreadcrumb, shouldReport, type MonitoringBreadcrumb } from '../apiEvents'
import { sdkOptions, TUNNEL_PATH, type MonitoringConfig } from '../config'
import { scrubBreadcrumb, scrubEvent } from '../scrub'
import type { EarlyReport } from './earlyReport'

interface VueInstanceLike { $options?: { name?: string, __name?: string } }

/** The route a navigation or error happened on, as a template ("/products/:product()"), never the raw URL. */
function routeName(route: RouteLocationNormalized | undefined): string | undefined {
  return route?.matched.at(-1)?.path
}

function componentName(instance: unknown): string {
  const options = (instance as VueInstanceLike | null)?.$options
  return options?.name ?? options?.__name ?? 'anonymous component'
}

function capture(error: unknown, mechanism: string, handled: boolean, buffered: boolean, scopeData: { tags?: Record<string, string | number>, contexts?: Record<string, Record<string, unknown>>, fingerprint?: string[], extra?: Record<string, unknown> } = {}): void {
  withScope((scope) => {
    if (buffered) scope.setTag('monitoring.buffered', true)
    if (scopeData.tags) scope.setTags(scopeData.tags)
    for (const [name, context] of Object.entries(scopeData.contexts ?? {})) scope.setContext(name, context)
    if (scopeData.fingerprint) scope.setFingerprint(scopeData.fingerprint)
    if (scopeData.extra) scope.setExtras(scopeData.extra)
    captureException(error, { mechanism: { type: mechanism, handled } })
  })
}

function crumb(breadcrumb: MonitoringBreadcrumb, time: number | undefined): void {
  addBreadcrumb(time === undefined ? breadcrumb : { ...breadcrumb, timestamp: time / 1000 })
}

/** What an api hook outcome means for monitoring: a breadcrumb, or an event for a failure worth one. */
function onApiHook(name: string, context: unknown, time: number | undefined, buffered: boolean): void {
  if (name === 'onResponse') crumb(responseBreadcrumb(context as ApiResponseContext), time)
  else if (name === 'onRetry') crumb(retryBreadcrumb(context as ApiRetryContext), time)
  else if (name === 'onBreakerStateChange') crumb(breakerBreadcrumb(context as ApiBreakerContext), time)
  else if (name === 'onReport') {
    const { event, tags } = context as ApiReportContext
    // A named Error, so the event groups by what happened and carries no shopper data (the scrubber runs anyway).
    capture(Object.assign(new Error(event), { name: 'StorefrontReport' }), 'storefront.report', true, buffered, { tags, fingerprint: [event] })
  }
  else if (name === 'onTags') {
    for (const [key, value] of Object.entries((context as ApiTagsContext).tags)) setTag(key, value ?? undefined)
  }
  else if (name === 'onError') {
    const errorContext = context as ApiErrorContext
    if (!shouldReport(errorContext.error)) return crumb(errorBreadcrumb(errorContext), time)
    capture(errorContext.error, 'auto.storefront.api', true, buffered, apiErrorReport(errorContext))
  }
}

function handle([time, kind, first, second, third]: EarlyReport, buffered: boolean): void {
  // After start the SDK's own global handlers see window errors and rejections; before, only we did.
  if (kind === 'error' && buffered) capture(first, 'auto.browser.global_handlers.onerror', false, true)
  else if (kind === 'rejection' && buffered) capture(first, 'auto.browser.global_handlers.onunhandledrejection', false, true)
  else if (kind === 'vue') capture(first, 'auto.function.vue.error_handler', true, buffered, { contexts: { vue: { componentName: componentName(second), lifecycleHook: String(third) } } })
  else if (kind === 'app') capture(first, 'auto.function.nuxt.app_error', true, buffered)
  else if (kind === 'navigation') capture(first, 'auto.function.vue_router.on_error', true, buffered, { tags: { 'navigation.to': routeName(second as RouteLocationNormalized) ?? 'unknown' } })
  else if (kind === 'api') onApiHook(String(first), second, buffered ? time : undefined, buffered)
}

/** Starts the browser SDK, replays what happened before, and routes everything after straight to it. */
export async function startBrowserMonitoring(nuxtApp: NuxtApp, config: MonitoringConfig, early: EarlyReport[]): Promise<void> {
  const options = sdkOptions(config)
  init({
    ...options,
    app: nuxtApp.vueApp,
    // Vue errors arrive through Nuxt's vue:error hook (also before the SDK loaded), not a second errorHandler.
    attachErrorHandler: false,
    attachProps: false,
    sendDefaultPii: false,
    tunnel: TUNNEL_PATH,
    // Trace headers are added by the api hook above, to /api requests only; nothing else gets them.
    tracePropagationTargets: [],
    integrations: defaults => [
      ...defaults.filter(integration => integration.name !== 'Breadcrumbs' && integration.name !== 'BrowserSession'),
      // API calls are recorded by the api hooks (route template, request id); raw fetch URLs and history URLs are not.
      breadcrumbsIntegration({ fetch: false, xhr: false, history: false }),
    ],
    beforeSend: event => scrubEvent(event),
    beforeSendTransaction: event => scrubEvent(event),
    beforeBreadcrumb: breadcrumb => scrubBreadcrumb(breadcrumb),
  })
  // Requests made before this point went out without trace headers; from now on each carries the page's trace.
  nuxtApp.$api.hooks.add({ onRequest: ({ headers }) => void Object.assign(headers, getTraceData()) })
  const router = nuxtApp.$router
  router.afterEach((to, from) => addBreadcrumb({ category: 'navigation', data: { from: routeName(from) ?? 'start', to: routeName(to) ?? 'unknown' } }))
  for (const report of early.splice(0)) handle(report, true)
  early.push = (...reports: EarlyReport[]) => {
    for (const report of reports) handle(report, false)
    return 0
  }
  if (options.tracesSampleRate) (await import('./browserTracing')).startBrowserTracing(router)
}
