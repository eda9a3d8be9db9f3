import { defineNuxtPlugin } from '#app'

/**
 * Splits the app's start in the browser into two tasks: the plugins (router, payload, stores, head) in one, the
 * hydration of the page in the next. A phone showed them as one 180-215 ms task (4x CPU throttling): the browser
 * could not handle a tap or paint during it, and every millisecond over 50 counted as blocking time (issue 21).
 * Runs last (enforce: post); a MessageChannel message is a task of its own and, unlike a timer, is not delayed in
 * a background tab.
 *
 * Also sets up Intl's number formatting here: the first formatter a page builds pays the engine's locale data set-up
 * (~35 ms at 4x), which otherwise lands in the hydration of the first price shown. (A throwaway formatter rather
 * than utils/format/money: importing that would put it in every page's entry.)
 */
export default defineNuxtPlugin({
  name: 'yield-before-hydration',
  enforce: 'post',
  // Returns the promise rather than awaiting it: an `await` here makes Nuxt wrap the plugin for its async context,
  // which put 0.7 KiB of unctx in every page's entry.
  setup() {
    new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(0)
    return new Promise<void>((resolve) => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => {
        channel.port1.close()
        resolve()
      }
      channel.port2.postMessage(null)
    })
  },
})
