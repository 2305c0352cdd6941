/** Bytes as people read them: one definition for the CLI, the log and the summary. */
export { formatBytes } from '../checkpoint/units.js'

/** An ISO time stamp as `2026-11-24 02:57:03Z`, or `-` when unknown. */
export function formatTime(iso: string | undefined): string {
  if (iso === undefined) return '-'
  const time = new Date(iso)
  if (Number.isNaN(time.getTime())) return '-'
  return `${time.toISOString().slice(0, 19).replace('T', ' ')}Z`
}

/** Rows as aligned columns, two spaces apart, the header first. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map(row => (row[column] ?? '').length))
  )
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd()
  return `${[header, ...rows].map(line).join('\n')}\n`
}

/** A value for one table cell: strings as they are, anything else as compact JSON, cut. */
export function cell(value: unknown, width = 60): string {
  const text =
    typeof value === 'string'
      ? value
      : ((JSON.stringify(value) as string | undefined) ?? 'undefined')
  const flat = text.replace(/\s+/g, ' ')
  return flat.length > width ? `${flat.slice(0, width - 3)}...` : flat
}

/** Permission bits as `644`. */
export function formatMode(mode: number): string {
  return (mode & 0o777).toString(8).padStart(3, '0')
}

/** A digest's first hex digits, enough to tell two apart in a table. */
export function shortDigest(digest: string): string {
  return digest.replace(/^sha256:/, '').slice(0, 12)
}

/** Pretty JSON with a final newline, for `--json` and for state. */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}
