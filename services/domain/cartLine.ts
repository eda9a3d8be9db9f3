/** What one request may ask of one cart line (CartItemCreate / CartItemUpdate in docs/openapi.yaml). */
export const MIN_LINE_QUANTITY = 1
export const MAX_LINE_QUANTITY = 99
