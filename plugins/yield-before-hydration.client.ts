import { defineNuxtPlugin } from '#app'

/** Resolves in a task of its own: a MessageChannel message, which unlike a timer is not delayed in a background tab. */
function nextTask(): Promise<void> {
  return new Promise<void>((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}

/**
 * Splits the app's start in the browser into two tasks: the plugins (router, payload, stores, head) and the hydration
 * of the page. A phone showed them as one 180-215 ms task (4x CPU throttling): the browser could not handle a tap or
 * paint during it, and every millisecond over 50 counted as blocking time (issue 21). Since the app starts after the
 * first paint (server/utils/html/beforeHydration.ts), all of it counts. (Intl's number-format set-up, 35-85 ms at
 * 4x, had a task of its own here until prices and counts were written out without Intl: utils/format/money.ts.)
 * Runs last (enforce: post).
 */
export default defineNuxtPlugin({
  name: 'yield-before-hydration',
  enforce: 'post',
  // Returns the promise rather than awaiting it: an `await` here makes Nuxt wrap the plugin for its async context,
  // which put 0.7 KiB of unctx in every page's entry.
  setup(): Promise<void> {
    return nextTask()
  },
})
