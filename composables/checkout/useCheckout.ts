import { computed, inject, onBeforeUnmount, onMounted, provide, reactive, ref, shallowRef, watch, type ComputedRef, type InjectionKey, type Ref } from 'vue'
import { useNuxtApp, useRoute, useRouter } from '#app'
import type { UseCartReturn } from '~/composables/cart/useCart'
import { toApiErrorData, type ApiErrorData } from '~/composables/core/api/ApiError'
import { useApiSession } from '~/composables/core/useApiSession'
import { useStoreLoad } from '~/composables/ssr/useStoreLoad'
import { useNotify } from '~/composables/ui/useNotify'
import type { ShippingMethod } from '~/services/domain/shipping'
import { useAuthStore } from '~/stores/auth'
import { useOrderStore } from '~/stores/orders/orders'
import { CHECKOUT_PATH, orderPath } from '~/utils/routes/paths'
import type { Refusal } from './attempt/attemptMachine'
import { recentlyPlacedOrder } from './attempt/attemptStorage'
import { clearDraft, emptyDraft, readDraft, writeDraft, type CheckoutDraft } from './checkoutDraft'
import { nextStep, reachableStep, type CheckoutStep, type ConfirmableStep } from './checkoutSteps'
import { checkoutSummary, type CheckoutSummary } from './checkoutSummary'
import { usePaymentStep, type UsePaymentStepReturn } from './payment/usePaymentStep'
import { addressProblems } from './addressRules'
import { addressInputId, useAddressForm, type UseAddressFormReturn } from './useAddressForm'
import { useCheckoutMonitoring } from './useCheckoutMonitoring'
import { useFocusSoon } from './useFocusSoon'
import { usePlaceOrder, type PlaceOrderResult } from './usePlaceOrder'
import { SHIPPING_METHODS_ID, useShippingChoice } from './useShippingChoice'
import { useShippingMethods, type UseShippingMethodsReturn } from './useShippingMethods'

/** loading: reading the cart and the tab's attempt; empty: nothing to check out; leaving: on the way to the order. */
export type CheckoutView = 'loading' | 'ready' | 'empty' | 'failed' | 'leaving'

/** A message above the current step (role=alert, focused): outcomes that are not one field's problem. */
export interface CheckoutNotice {
  tone: 'error' | 'info'
  message: string
}

export interface CheckoutContext {
  view: Ref<CheckoutView>
  /** Why the cart could not be read (the failure view shows it and retries by itself, as the cart page does). */
  loadError: Ref<ApiErrorData | null>
  step: ComputedRef<CheckoutStep>
  draft: CheckoutDraft
  address: UseAddressFormReturn
  payment: UsePaymentStepReturn
  shipping: UseShippingMethodsReturn
  shippingError: Ref<string | null>
  chosenMethod: ComputedRef<ShippingMethod | null>
  summary: ComputedRef<CheckoutSummary | null>
  /** The address is still the one filled in from the shopper's last order. */
  prefilled: ComputedRef<boolean>
  /** Every step is confirmed: editing one returns to review. */
  reviewing: ComputedRef<boolean>
  notice: Ref<CheckoutNotice | null>
  /** The Place order button is disabled and busy. */
  placing: Ref<boolean>
  /** Checking whether an order placed before a reload went through. */
  checking: Ref<boolean>
  goTo: (step: CheckoutStep) => Promise<void>
  /** For an element mounted after it was meant to take the focus (the notice, said before the steps loaded). */
  claimFocus: (id: string) => void
  confirmAddress: () => Promise<void>
  confirmShipping: () => Promise<void>
  confirmPayment: () => Promise<void>
  placeOrder: () => Promise<void>
  retryLoad: () => Promise<void>
}

const KEY: InjectionKey<CheckoutContext> = Symbol('checkout')
const NOTICE_ID = 'checkout-notice'

/** The checkout's one context, for the step components (provided by the page through useCheckout). */
export function useCheckoutContext(): CheckoutContext {
  const context = inject(KEY)
  if (!context) throw new Error('useCheckoutContext() outside the checkout page')
  return context
}

/**
 * The checkout: the form draft (this tab's sessionStorage), the steps in the URL, the cart as the backend holds
 * it, the order summary, and placing the order with one attempt per submission. Server-rendered: the shipping
 * methods and the newest order (its address prefills the form); everything about the cart and the tab runs
 * in the browser.
 */
export async function useCheckout(): Promise<CheckoutContext> {
  const nuxtApp = useNuxtApp()
  const session = useApiSession()
  const auth = useAuthStore()
  const orders = useOrderStore()
  const route = useRoute()
  const router = useRouter()
  const notify = useNotify()
  const monitoring = useCheckoutMonitoring()
  const shipping = useShippingMethods()

  const owner = () => auth.user?.id ?? null
  const draft = reactive(emptyDraft()) as CheckoutDraft
  const address = useAddressForm(draft.address)
  const payment = usePaymentStep(draft)
  const placer = usePlaceOrder(owner)
  const cart = shallowRef<UseCartReturn | null>(null)
  const view = ref<CheckoutView>('loading')
  const loadError = ref<ApiErrorData | null>(null)
  const notice = ref<CheckoutNotice | null>(null)

  const step = computed(() => reachableStep(route.query.step, draft.confirmed))
  // A confirmed address edited into one that cannot be delivered to is confirmed again with Continue; until then the
  // steps after it (their links, back and forward) stay closed: review would show it, and "Place order" send an order
  // the backend must refuse.
  watch(() => Object.keys(addressProblems(draft.address)).length, (problems) => {
    if (problems) draft.confirmed.address = false
  })
  const { chosenMethod, error: shippingError, chooseDefault: chooseDefaultMethod, validate: validateShipping, refuse: refuseShipping } = useShippingChoice(draft, shipping)
  const summary = computed(() => (cart.value?.cart.value ? checkoutSummary(cart.value.cart.value, chosenMethod.value) : null))
  const reviewing = computed(() => draft.confirmed.address && draft.confirmed.shipping && draft.confirmed.payment)
  const prefilled = computed(() => {
    const last = orders.newestOrder()?.data?.address
    return draft.addressSource === 'order' && !!last && (Object.keys(last) as Array<keyof typeof last>).every(k => last[k] === draft.address[k])
  })

  const { focusSoon, claimFocus } = useFocusSoon()

  function say(tone: CheckoutNotice['tone'], message: string): void {
    notice.value = { tone, message }
    focusSoon(NOTICE_ID)
  }

  async function goTo(target: CheckoutStep): Promise<void> {
    await router.push({ path: CHECKOUT_PATH, query: { step: target } })
  }

  /**
   * Confirms a step, then the next one, or back to review when the shopper came from there to edit: as the step's
   * button said when pressed (a step opened again by a refusal says "Continue to …" and goes on to the next).
   */
  async function confirmStep(from: ConfirmableStep): Promise<void> {
    const back = reviewing.value
    draft.confirmed[from] = true
    await goTo(back ? 'review' : nextStep(from))
  }

  async function confirmAddress(): Promise<void> {
    const first = address.validateAll()
    if (first) return focusSoon(addressInputId(first))
    await confirmStep('address')
  }

  async function confirmShipping(): Promise<void> {
    if (!validateShipping()) return focusSoon(SHIPPING_METHODS_ID)
    await confirmStep('shipping')
  }

  async function confirmPayment(): Promise<void> {
    if (!(await payment.confirm())) return
    await confirmStep('payment')
  }

  // The order takes the place of the checkout's history entries (checkoutHistory.ts, in the placing chunk).
  const toOrder = (id: number, recovered?: boolean) => import('./attempt/placing').then(m => m.leaveCheckoutFor(router, orderPath(id), notify.info, recovered))

  async function leaveFor(result: PlaceOrderResult, orderId: number): Promise<void> {
    view.value = 'leaving'
    const owned = owner()
    if (owned !== null) clearDraft(sessionStorage, owned)
    // The order took its lines: the cart does not ask the catalog whether they are still sold (docs/cart.md).
    if (result.order) cart.value?.orderPlaced(result.order.lines)
    // The badge shows the emptied cart when the confirmation appears.
    await cart.value?.refresh().catch(() => {})
    await toOrder(orderId, result.recovered)
  }

  /** A refused order goes back to where it can be put right (checkoutRefusal.ts, loaded with the first refusal). */
  async function onRefused(refusal: Refusal): Promise<void> {
    const { settleRefusal } = await import('./checkoutRefusal')
    await settleRefusal(refusal, {
      draft, address, shipping, payment, cart: cart.value, router, goTo, focusSoon, refuseShipping, say, notifyError: notify.error,
      leave: () => { view.value = 'leaving' },
    })
  }

  async function placeOrder(): Promise<void> {
    const method = payment.current()
    const currentCart = cart.value?.cart.value
    if (!method) {
      payment.refuse('Choose a payment method.')
      return goTo('payment')
    }
    if (!currentCart?.lines.length) return say('error', 'Your cart is empty: there is nothing to order.')
    notice.value = null
    const result = await placer.place({
      request: { address: { ...draft.address }, shippingMethodId: draft.shippingMethodId as number, paymentToken: method.token },
      lines: currentCart.lines.map(l => ({ productId: l.productId, variantId: l.variantId, quantity: l.quantity })),
    })
    const { outcome } = result
    if (outcome.kind === 'placed') return leaveFor(result, outcome.orderId)
    if (outcome.kind === 'refused') return onRefused(outcome.refusal)
    tell(result)
  }

  /** An outcome with a sentence of its own: an order still being confirmed or not placed yet informs, the rest are errors. */
  function tell({ outcome }: PlaceOrderResult): void {
    if ('message' in outcome) say(outcome.kind === 'confirming' || outcome.kind === 'not-placed' ? 'info' : 'error', outcome.message)
  }

  /** What the look for an order sent before a reload found (at arrival, and where a look that went on ended). */
  function checked(result: PlaceOrderResult | null): Promise<void> | void {
    if (result?.outcome.kind === 'placed') return leaveFor(result, result.outcome.orderId)
    if (result) tell(result)
  }

  async function load(): Promise<void> {
    const who = owner()
    if (who === null) return
    // A retry of a failed load keeps the failure view (its countdown and count of attempts) until it has an outcome.
    if (view.value !== 'failed') {
      view.value = 'loading'
      loadError.value = null
    }
    const saved = readDraft(sessionStorage, who)
    if (saved) {
      // Field by field: the address form watches this very object.
      Object.assign(draft.address, saved.address)
      Object.assign(draft.confirmed, saved.confirmed)
      draft.addressSource = saved.addressSource
      draft.shippingMethodId = saved.shippingMethodId
      draft.payment = saved.payment
    }
    // The cart endpoint also answers guests: without the shopper's token it would show an empty guest cart.
    // A fresh page load has none in memory yet, so it is fetched before the cart.
    if (!session.getAccessToken()) await session.refresh()
    const { startCart } = await import('~/composables/cart/cartRuntime')
    const loaded = await nuxtApp.runWithContext(() => startCart())
    cart.value = loaded
    const before = placer.current()
    // An order sent before a reload may exist: look for it before showing anything that could send it again. While
    // its request may still be running at the backend, the steps show with "Place order" busy and the look goes on.
    const first = await placer.check(checked)
    await checked(first)
    try {
      await loaded.refresh()
    }
    catch (failure) {
      return fail(failure)
    }
    // The order turned up (at arrival, or meanwhile): on the way to it.
    if ((view.value as CheckoutView) === 'leaving') return
    const lines = loaded.cart.value?.lines ?? []
    // An entry of a checkout that placed this tab's order (Forward from the order), or its URL: the order is where
    // checking out ended.
    const placedId = recentlyPlacedOrder(before, Date.now())
    if (placedId !== null && lines.length === 0) {
      view.value = 'leaving'
      await toOrder(placedId)
      return
    }
    if (lines.length === 0) {
      view.value = 'empty'
      return
    }
    // Placing an order empties the cart, so lines here are a new purchase: buying the same again is a new order,
    // not the last one shown again.
    placer.retirePlaced()
    const last = orders.newestOrder()?.data
    if (last && !draft.address.line1 && !draft.address.fullName) {
      Object.assign(draft.address, last.address)
      draft.addressSource = 'order'
    }
    chooseDefaultMethod()
    // The steps' component puts the step shown into the URL (useStepInUrl).
    view.value = 'ready'
  }

  function fail(failure: unknown): void {
    loadError.value = toApiErrorData(failure)
    view.value = 'failed'
  }

  /** Loads, and shows any failure; never throws (the failure view's retries call it). */
  function loadOrFail(): Promise<void> {
    return load().catch(fail)
  }

  onMounted(() => {
    void loadOrFail()
    watch(draft, () => {
      const who = owner()
      if (who !== null && view.value === 'ready') writeDraft(sessionStorage, who, draft)
    }, { deep: true })
    watch(step, value => monitoring.step(view.value === 'ready' ? value : null), { immediate: true })
  })
  onBeforeUnmount(() => {
    monitoring.step(null)
    payment.unmount()
  })

  const context: CheckoutContext = {
    view, loadError, step, draft, address, payment, shipping, shippingError, chosenMethod, summary, prefilled, reviewing, notice,
    placing: placer.placing, checking: placer.checking,
    goTo, claimFocus, confirmAddress, confirmShipping, confirmPayment, placeOrder, retryLoad: loadOrFail,
  }
  provide(KEY, context)
  // Last: after an await the component instance is gone, and everything above needs it (hooks, provide).
  await Promise.all([shipping.loaded, useStoreLoad('checkout:newest-order', () => orders.loadNewest())])
  return context
}

export { NOTICE_ID as CHECKOUT_NOTICE_ID }
