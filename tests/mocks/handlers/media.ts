import type { DemoContext } from '../http/context'
import { notFound } from '../http/responses'
import type { Route } from '../http/router'
import { IMAGE_HEIGHT, IMAGE_WIDTH } from '../seed/constants'
import { productImageCount } from '../seed/productContent'

// Product images drawn as SVG by the demo backend itself: no internet, stable per product, cacheable.

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function productSvg(id: number, view: number, title: string, categoryName: string): string {
  const hue = (id * 47 + view * 90) % 360
  const shape = (id + view) % 3
  const cx = IMAGE_WIDTH / 2
  const cy = IMAGE_HEIGHT / 2 - 40
  const figure = shape === 0
    ? `<circle cx="${cx}" cy="${cy}" r="190" fill="hsl(${hue} 45% 62%)"/>`
    : shape === 1
      ? `<rect x="${cx - 180}" y="${cy - 180}" width="360" height="360" rx="48" fill="hsl(${hue} 45% 62%)"/>`
      : `<path d="M${cx} ${cy - 210} L${cx + 210} ${cy + 170} L${cx - 210} ${cy + 170} Z" fill="hsl(${hue} 45% 62%)"/>`
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${IMAGE_WIDTH}" height="${IMAGE_HEIGHT}" viewBox="0 0 ${IMAGE_WIDTH} ${IMAGE_HEIGHT}" role="img" aria-label="${escapeXml(title)}">`
    + `<rect width="100%" height="100%" fill="hsl(${hue} 40% 92%)"/>${figure}`
    + `<text x="50%" y="${IMAGE_HEIGHT - 150}" text-anchor="middle" font-family="system-ui, sans-serif" font-size="38" fill="hsl(${hue} 35% 25%)">${escapeXml(title)}</text>`
    + `<text x="50%" y="${IMAGE_HEIGHT - 95}" text-anchor="middle" font-family="system-ui, sans-serif" font-size="26" fill="hsl(${hue} 25% 40%)">${escapeXml(categoryName)}</text>`
    + `</svg>`
}

function productImage(context: DemoContext): Response {
  const match = /^(\d+)(?:-(\d+))?\.svg$/.exec(context.params.file ?? '')
  const product = match ? context.db.product(Number(match[1])) : undefined
  const view = match?.[2] ? Number(match[2]) : 1
  if (!product || view < 1 || view > productImageCount(context.db.options.seed, product.id)) throw notFound()
  const svg = productSvg(product.id, view, product.title, context.db.category(product.categoryId).name)
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400' } })
}

export const mediaRoutes: Route[] = [
  { method: 'GET', template: '/media/products/{file}', handle: productImage, authenticate: false },
]
