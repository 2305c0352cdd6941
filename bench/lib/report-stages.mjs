// The report's answer to "where did each millisecond go": per payload, the checkpoint's time
// and actions/cache's in the stages both go through (each a sum of phases; see
// bench/areas/payload.mjs), and the difference stage by stage. A negative difference is time
// the checkpoint saves.

/**
 * @param {(...lines: string[]) => void} push
 * @param {any[]} payload the payload area's results
 * @param {{table: (header: string[], rows: string[][]) => string, fmt: any}} format
 */
export function renderStages(push, payload, { table, fmt }) {
  const measured = payload.filter(p => p.save.stages && p.restore.stages)
  if (measured.length === 0) return
  push(
    "### Where each millisecond goes, against actions/cache (medians per stage: checkpoint / actions/cache, then the checkpoint's difference; − is time the checkpoint saves)",
    ''
  )
  for (const [title, pick] of [
    ['Save', p => p.save.stages],
    ['Restore', p => p.restore.stages]
  ]) {
    const names = Object.keys(pick(measured[0]).candidate)
    push(`**${title}**`, '')
    push(
      table(
        ['payload', ...names, 'whole step'],
        measured.map(p => [p.id, ...stageCells(pick(p), names, fmt), wholeCell(p, title, fmt)])
      ),
      ''
    )
  }
}

function stageCells(stages, names, fmt) {
  return names.map(name => {
    const ours = stages.candidate[name]
    const theirs = stages.cache[name]
    return `${fmt.ms(ours)} / ${fmt.ms(theirs)} (${fmt.signedMs(ours - theirs)})`
  })
}

function wholeCell(p, title, fmt) {
  const side = title === 'Save' ? p.save : p.restore
  const ours = side.candidate.median
  const theirs = side.cache.median
  return `${fmt.ms(ours)} / ${fmt.ms(theirs)} (${fmt.signedMs(ours - theirs)})`
}
