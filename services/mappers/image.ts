import type { ImageDto } from '../dto'
import type { ProductImage } from '../domain/product'

/** Shown instead of an image whose URL is not a web address: a light grey square, allowed by the CSP's img-src. */
export const PLACEHOLDER_IMAGE_URL = 'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 viewBox=%220 0 1 1%22%3E%3Crect width=%221%22 height=%221%22 fill=%22%23e5e7eb%22/%3E%3C/svg%3E'

/**
 * An image URL from the backend, kept only when it is an http(s) address or a path on this site. A `javascript:`,
 * `data:` or malformed value executes nothing in an <img>, but it is not an image either, and a relative one would
 * send the browser to some page of ours; none of them is rendered.
 */
export function safeImageUrl(url: unknown): string {
  if (typeof url !== 'string' || url.length > 2_048) return PLACEHOLDER_IMAGE_URL
  if (url.startsWith('/') && !url.startsWith('//') && !/[\\\s]/.test(url)) return url
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : PLACEHOLDER_IMAGE_URL
  }
  catch {
    return PLACEHOLDER_IMAGE_URL
  }
}

/**
 * A product image from the backend. A product without one is common in real catalogs, and DRF writes a nullable
 * nested image (or an empty ImageField) as null: it gets the placeholder rather than failing the list it is in.
 */
export function toImage(dto: ImageDto | null | undefined): ProductImage {
  return { url: safeImageUrl(dto?.url), alt: typeof dto?.alt === 'string' ? dto.alt : '', width: dto?.width ?? 600, height: dto?.height ?? 600 }
}
