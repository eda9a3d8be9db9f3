// Countries for addresses: ISO 3166-1 alpha-2 codes (what the backend stores), named by the browser's own Intl
// data (no name table shipped). Only the checkout and order pages import this. The caches below are the same for
// every request and shopper (derived from constants), like the money formatters.

const CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA '
  + 'CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA '
  + 'GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP '
  + 'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS '
  + 'MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS '
  + 'RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW '
  + 'TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ')

const LOCALE = 'en'
let names: Intl.DisplayNames | null | undefined

function displayNames(): Intl.DisplayNames | null {
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([LOCALE], { type: 'region' })
    }
    catch {
      names = null
    }
  }
  return names
}

/** "FR" -> "France"; an unknown code is shown as it is. */
export function countryName(code: string): string {
  const upper = code.trim().toUpperCase()
  return (/^[A-Z]{2}$/.test(upper) && displayNames()?.of(upper)) || upper
}

export interface CountryOption {
  value: string
  label: string
}

let options: CountryOption[] | null = null

/** Every country, by name. */
export function countryOptions(): CountryOption[] {
  options ??= CODES.map(code => ({ value: code, label: countryName(code) })).sort((a, b) => a.label.localeCompare(b.label, LOCALE))
  return options
}

export function isCountryCode(value: string): boolean {
  return CODES.includes(value.trim().toUpperCase())
}
