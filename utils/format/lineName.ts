/** A cart line or order line named as a shopper tells it apart from its siblings: "Urban Tee (White / M)". */
export function lineName(line: { title: string, options: Record<string, string> }): string {
  const options = Object.values(line.options)
  return options.length ? `${line.title} (${options.join(' / ')})` : line.title
}
