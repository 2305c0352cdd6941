// A two-panel SVG, written by hand (no dependency): restore time against history length, and
// save throughput against payload size. Log-scaled x axes, linear y from zero.

const WIDTH = 1000
const HEIGHT = 500
const PANEL = { width: 400, height: 300, top: 50, left: [70, 570] }
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#7f7f7f']
const MiB = 1024 * 1024

const escape = text =>
  String(text).replace(
    /[&<>"]/g,
    c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]
  )

/** Round tick values covering [0, max]. */
function ticks(max) {
  if (!(max > 0)) return [0, 1]
  const raw = max / 5
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 2.5, 5, 10].map(f => f * magnitude).find(s => s >= raw)
  const values = []
  for (let value = 0; value <= max * 1.0001 + step; value += step) {
    values.push(Number(value.toPrecision(12)))
    if (value >= max) break
  }
  return values
}

/**
 * One panel: series of {label, points: [{x, y, low?, high?}]}.
 * @param {{x0: number, title: string, xLabel: string, yLabel: string, xFormat: (x:number)=>string,
 *   yFormat: (y:number)=>string, series: {label: string, dashed?: boolean, points: {x:number,y:number,low?:number,high?:number}[]}[]}} panel
 */
function renderPanel(panel) {
  const { x0, series } = panel
  const y0 = PANEL.top
  const { width, height } = PANEL
  const xs = series.flatMap(s => s.points.map(p => p.x)).filter(x => x > 0)
  const ys = series
    .flatMap(s => s.points.flatMap(p => [p.y, p.high ?? p.y]))
    .filter(Number.isFinite)
  const out = []
  out.push(
    `<text x="${x0 + width / 2}" y="${y0 - 22}" text-anchor="middle" font-size="15" font-weight="bold">${escape(panel.title)}</text>`
  )
  out.push(
    `<rect x="${x0}" y="${y0}" width="${width}" height="${height}" fill="none" stroke="#444"/>`
  )
  if (xs.length === 0 || ys.length === 0) {
    out.push(
      `<text x="${x0 + width / 2}" y="${y0 + height / 2}" text-anchor="middle" font-size="13">not measured</text>`
    )
    return out.join('\n')
  }
  const minX = Math.min(...xs)
  const maxX = Math.max(...xs)
  const logMin = Math.log10(minX) - 0.15
  const logMax = Math.log10(maxX) + 0.15
  const yTicks = ticks(Math.max(...ys) * 1.05)
  const yMax = yTicks.at(-1)
  const px = x => x0 + ((Math.log10(x) - logMin) / (logMax - logMin)) * width
  const py = y => y0 + height - (y / yMax) * height
  for (const value of yTicks) {
    out.push(
      `<line x1="${x0}" x2="${x0 + width}" y1="${py(value)}" y2="${py(value)}" stroke="#ddd"/>`
    )
    out.push(
      `<text x="${x0 - 6}" y="${py(value) + 4}" text-anchor="end" font-size="11">${escape(panel.yFormat(value))}</text>`
    )
  }
  for (const value of [...new Set(xs)].sort((a, b) => a - b)) {
    out.push(
      `<line x1="${px(value)}" x2="${px(value)}" y1="${y0}" y2="${y0 + height}" stroke="#eee"/>`
    )
    out.push(
      `<text x="${px(value)}" y="${y0 + height + 16}" text-anchor="middle" font-size="11">${escape(panel.xFormat(value))}</text>`
    )
  }
  out.push(
    `<text x="${x0 + width / 2}" y="${y0 + height + 36}" text-anchor="middle" font-size="12">${escape(panel.xLabel)}</text>`
  )
  out.push(
    `<text transform="translate(${x0 - 52} ${y0 + height / 2}) rotate(-90)" text-anchor="middle" font-size="12">${escape(panel.yLabel)}</text>`
  )
  series.forEach((item, index) => {
    const color = COLORS[index % COLORS.length]
    const points = item.points.filter(p => p.x > 0 && Number.isFinite(p.y))
    if (points.length > 1) {
      const path = points
        .map((p, i) => `${i ? 'L' : 'M'}${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`)
        .join(' ')
      out.push(
        `<path d="${path}" fill="none" stroke="${color}" stroke-width="2"${item.dashed ? ' stroke-dasharray="6 4"' : ''}/>`
      )
    }
    for (const p of points) {
      if (Number.isFinite(p.low) && Number.isFinite(p.high)) {
        out.push(
          `<line x1="${px(p.x)}" x2="${px(p.x)}" y1="${py(p.low)}" y2="${py(p.high)}" stroke="${color}" stroke-width="1.5"/>`
        )
        for (const y of [p.low, p.high])
          out.push(
            `<line x1="${px(p.x) - 4}" x2="${px(p.x) + 4}" y1="${py(y)}" y2="${py(y)}" stroke="${color}"/>`
          )
      }
      out.push(
        `<circle cx="${px(p.x)}" cy="${py(p.y)}" r="3.5" fill="${color}"><title>${escape(`${item.label}: ${panel.xFormat(p.x)} → ${panel.yFormat(p.y)}`)}</title></circle>`
      )
    }
    // The legend sits under the panel, where it cannot hide a point.
    const legendY = y0 + height + 58 + index * 15
    out.push(
      `<line x1="${x0 + 10}" x2="${x0 + 30}" y1="${legendY - 4}" y2="${legendY - 4}" stroke="${color}" stroke-width="2"${item.dashed ? ' stroke-dasharray="6 4"' : ''}/>`
    )
    out.push(`<text x="${x0 + 36}" y="${legendY}" font-size="11">${escape(item.label)}</text>`)
  })
  return out.join('\n')
}

const sizeLabel = bytes =>
  bytes >= 1024 * MiB ? `${(bytes / 1024 / MiB).toFixed(0)} GiB` : `${(bytes / MiB).toFixed(0)} MiB`

/** The SVG document for the bench results. */
export function renderPlot(results) {
  const history = results.history ?? []
  const left = renderPanel({
    x0: PANEL.left[0],
    title: 'Restore time vs checkpoints in the run',
    xLabel: 'earlier checkpoints in the run (log scale)',
    yLabel: 'restore entry, seconds',
    xFormat: x => String(x),
    yFormat: y => `${(y / 1000).toFixed(2)}`,
    series: [
      {
        label: 'restore entry (median, min–max)',
        points: history.map(h => ({
          x: h.length,
          y: h.time.median,
          low: h.time.min,
          high: h.time.max
        }))
      }
    ]
  })
  const sized = (results.payload ?? []).filter(p => p.kind !== 'small')
  const rate = (p, time) => ({ x: p.bytes, y: p.bytes / MiB / (time.median / 1000) })
  const kinds = [
    ['random', 'random bytes'],
    ['json', 'JSON text']
  ]
  const series = []
  for (const [kind, name] of kinds) {
    const points = sized.filter(p => p.kind === kind)
    series.push({
      label: `checkpoint save, ${name}`,
      points: points.map(p => rate(p, p.save.candidate))
    })
    series.push({
      label: `upload-artifact (level 6), ${name}`,
      dashed: true,
      points: points.map(p => rate(p, p.save.direct))
    })
  }
  // tar (the floor, 10-50x faster) is left out: on one linear axis it would flatten the rest.

  const right = renderPanel({
    x0: PANEL.left[1],
    title: 'Save throughput vs payload size',
    xLabel: 'payload (log scale)',
    yLabel: 'MiB/s (payload ÷ step time)',
    xFormat: sizeLabel,
    yFormat: y => y.toFixed(0),
    series
  })
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    left,
    right,
    `<text x="${WIDTH - 10}" y="${HEIGHT - 8}" text-anchor="end" font-size="10" fill="#666">${escape(`checkpoint-action bench, ${results.machine.date.slice(0, 10)}${results.config.quick ? ' (quick mode)' : ''}`)}</text>`,
    '</svg>',
    ''
  ].join('\n')
}
