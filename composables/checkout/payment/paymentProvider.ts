// The seam between the checkout and whoever takes the payment. The checkout only ever holds a token: card
// numbers stay inside the provider's own fields (hosted in its iframes for a real provider), so no card data
// reaches this app's code, its storage or our server. A real provider (Stripe Elements, Adyen, Braintree
// hosted fields) implements this interface; the checkout flow does not change.

/** What the checkout sends with the order, and shows at review. */
export interface PaymentMethod {
  /** The provider's token for this payment (`tok_visa`), sent as `payment_token`. */
  token: string
  /** "Visa (test card)": shown at review; never card digits beyond what the provider chooses to show. */
  label: string
  /**
   * Something not secret the checkout may keep in this tab to offer the same method after a reload (the demo's
   * chosen test token); null when the provider needs the shopper again (a real card form).
   */
  remember: string | null
}

export type TokenizeResult = { method: PaymentMethod } | { error: string }

export interface MountOptions {
  /** A remembered choice to show selected (what `remember` gave before). */
  restore: string | null
  /** The shopper changed something: what was tokenized before no longer stands. */
  onChange: () => void
}

export interface PaymentProvider {
  /** For the heading and messages: "Test cards". */
  readonly name: string
  /** Renders the provider's fields into `container` (its own DOM or iframes); the caller owns the container. */
  mount(container: HTMLElement, options: MountOptions): void | Promise<void>
  /** Removes what mount rendered. */
  unmount(): void
  /** Moves the keyboard focus to the provider's first field (after an error). */
  focus(): void
  /** A token for what the shopper entered or chose, or a sentence saying what is missing or wrong. */
  tokenize(): Promise<TokenizeResult>
  /** The method a remembered value stands for, without the shopper (after a reload); null: ask again. */
  resume(remembered: string): PaymentMethod | null
}
