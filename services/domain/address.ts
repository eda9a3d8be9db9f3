/** A postal address as the shopper enters it and an order keeps it. Optional parts are '' when left out. */
export interface Address {
  fullName: string
  line1: string
  line2: string
  city: string
  postalCode: string
  /** ISO 3166-1 alpha-2, upper case ("FR"). */
  country: string
  phone: string
}

export type AddressField = keyof Address

export const EMPTY_ADDRESS: Readonly<Address> = Object.freeze({ fullName: '', line1: '', line2: '', city: '', postalCode: '', country: '', phone: '' })
