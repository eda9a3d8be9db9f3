import { describe, expect, it } from 'vitest'
import { createSSRApp, defineComponent, h, type App } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { shareComponentCaches } from '~/utils/ssr/sharedComponentCaches'

// Server renders are one app per request; they share Vue's normalized component options (props, emits, merged
// options), which depend only on the component's definition and the app's global mixins.

let propsReads = 0
const Badge = defineComponent({
  props: {
    get label() {
      propsReads++
      return { type: String, required: true }
    },
    count: { type: Number, default: 0 },
    highlighted: Boolean,
  },
  emits: ['pick'],
  setup: props => () => h('span', { class: { hot: props.highlighted } }, `${props.label} (${props.count})`),
})

function request(label: string, highlighted: boolean, prepare: (app: App) => void = shareComponentCaches): Promise<string> {
  const app = createSSRApp({ render: () => h('p', [h(Badge, { label, count: 2, highlighted: highlighted ? '' : undefined })]) })
  prepare(app)
  return renderToString(app)
}

describe('shareComponentCaches', () => {
  it('normalizes a component once for every app that shares, and renders each request its own props', async () => {
    propsReads = 0
    expect(await request('Red chair', true)).toBe('<p><span class="hot">Red chair (2)</span></p>')
    expect(await request('Blue mug', false)).toBe('<p><span class="">Blue mug (2)</span></p>')
    expect(propsReads).toBe(1)
    // An app of its own normalizes again.
    await request('Green lamp', false, () => {})
    expect(propsReads).toBe(2)
  })

  it('leaves an app with global mixins its own caches', async () => {
    const app = createSSRApp({ render: () => null })
    app.mixin({ props: { tone: String } })
    expect(shareComponentCaches(app)).toBe(false)
    expect(shareComponentCaches(createSSRApp({ render: () => null }))).toBe(true)
  })
})
