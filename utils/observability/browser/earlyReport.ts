/**
 * What plugins/observability.client.ts records before the SDK is loaded, in order: [time (ms), kind, ...arguments].
 * - error: [Error | message] from window "error"; rejection: [reason] from "unhandledrejection"
 * - vue: [error, instance, info] from Nuxt's vue:error; app: [error] from app:error
 * - navigation: [error, to, from] from router.onError; api: [hook name, context] from the api core's hooks
 * Once the SDK runs, `push` on the same array delivers straight to it, so the plugin's listeners stay as they are.
 */
export type EarlyReport = [time: number, kind: 'error' | 'rejection' | 'vue' | 'app' | 'navigation' | 'api', ...args: unknown[]]
