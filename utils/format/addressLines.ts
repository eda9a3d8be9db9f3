import type { Address } from '~/services/domain/address'
import { countryName } from '~/utils/format/countries'

// Where the town and the postal code go depends on the destination's post. The layouts follow Google's
// libaddressinput (which follows the UPU), in its Latin-script form, reduced to the fields an Address has (no
// organisation, region or sorting code), with its fixed words left out (CH-, SINGAPORE, ...: the country is on its
// own line). Patterns, one line each between '|': A the street lines, C the town, Z the postal code.
// localized-address-format ships the same data for every country (~2.9 KiB gzip); these few patterns are what
// differs once the missing fields are dropped. Kazakhstan has only a reversed Cyrillic form there: it follows Russia.
const DEFAULT_LAYOUT = 'A|Z C'
const LAYOUTS: Readonly<Record<string, string>> = {
  'A|C Z': 'AS AU BB BD BH BM BN BT CA CC CX FM GU HM IL IN JO KH KY LB LS MH MP MT MV NF NG NP NZ PE PG PK PR PW SA SG SO TW UM US VC VE VI',
  'A|C, Z': 'CO LV MM',
  'A|C|Z': 'AF AI BR CN CR CU EG FK GB GG GI GS HN ID IE IM IO IQ JE JP KE KP KR KZ LK MN NA PH PN RU SD SH SZ TC TH UA VG VN ZA',
  'A|Z|C': 'AL AM EC MU NI OM',
  'C|A|Z': 'HU IR',
}

function layoutOf(country: string): string {
  const code = country.trim().toUpperCase()
  // Codes are two letters between spaces, so a match is always a whole code.
  return (/^[A-Z]{2}$/.test(code) && Object.keys(LAYOUTS).find(layout => LAYOUTS[layout]!.includes(code))) || DEFAULT_LAYOUT
}

/**
 * The lines of an address as the destination's post expects them: the name, the street, town and postal code in
 * the country's order, the country's name, then the phone. Blank parts are left out (with the separator that went
 * with them).
 */
export function addressLines(address: Address): string[] {
  const parts: Record<string, string> = { C: address.city.trim(), Z: address.postalCode.trim() }
  const lines = [address.fullName]
  for (const pattern of layoutOf(address.country).split('|')) {
    if (pattern === 'A') {
      lines.push(address.line1, address.line2)
      continue
    }
    const fields = pattern.match(/[CZ]/g)!
    const filled = fields.filter(field => parts[field])
    lines.push(filled.length === fields.length ? pattern.replace(/[CZ]/g, field => parts[field]!) : filled.map(field => parts[field]).join(' '))
  }
  lines.push(countryName(address.country), address.phone)
  return lines.map(line => line.trim()).filter(Boolean)
}
