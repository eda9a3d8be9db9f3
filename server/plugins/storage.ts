import { defineNitroPlugin, useRuntimeConfig, useStorage } from 'nitropack/runtime'
import { mountSharedStorage } from '../utils/storage/sharedStorage'

// Runs before the first request: with NUXT_REDIS_URL every instance shares "cache", "auth" and "ratelimit";
// without it each process keeps them in bounded memory.
export default defineNitroPlugin((nitroApp) => {
  const { redisUrl, redisKeyPrefix } = useRuntimeConfig()
  const unmount = mountSharedStorage(useStorage(), { redisUrl: String(redisUrl || ''), keyPrefix: String(redisKeyPrefix || 'sf') })
  nitroApp.hooks.hook('close', unmount)
})
