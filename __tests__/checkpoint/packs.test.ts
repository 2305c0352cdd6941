import { describe, expect, it } from '@jest/globals'
import type { ArchiveRecord } from '../../src/checkpoint/document.js'
import { filesArchiveName, packName } from '../../src/checkpoint/naming.js'
import {
  PACKABLE_ARCHIVE_BYTES,
  SMALL_UNITS_PER_CHECKPOINT,
  mergeStart,
  smallUnits,
  unitsToMerge,
  type PackUnit
} from '../../src/checkpoint/packs.js'

const RUN = '42'

function archive(
  sequence: number,
  size: number,
  extra: Partial<ArchiveRecord> = {}
): ArchiveRecord {
  const name = filesArchiveName({ scope: 'p', attempt: 1, sequence, node: `n${sequence}` })
  return { name, runId: RUN, size, digest: `sha256:${sequence}`, packing: 'zip-stored', ...extra }
}

/**
 * Saves `nodes` nodes of `size` bytes each through the policy, as the save does: the new
 * archive stays separate, the older units are merged when over budget. Returns the bytes
 * uploaded (archives once, packs whole) over the bytes of files, and the most units seen.
 */
function simulate(nodes: number, size = 1000): { amplification: number; mostUnits: number } {
  let archives: ArchiveRecord[] = []
  let uploaded = 0
  let mostUnits = 0
  for (let sequence = 1; sequence <= nodes; sequence++) {
    const older = smallUnits(archives, RUN)
    const merged = unitsToMerge(older, archives.length + 1)
    if (merged.length > 0) {
      const pack = packName({ scope: 'p', attempt: 1, sequence, node: `n${sequence}` })
      const inside = new Set(merged.flatMap(unit => unit.archives.map(item => item.name)))
      archives = archives.map(item => (inside.has(item.name) ? { ...item, pack } : item))
      uploaded += merged.reduce((total, unit) => total + unit.size, 0)
    }
    archives.push(archive(sequence, size))
    uploaded += size
    mostUnits = Math.max(mostUnits, smallUnits(archives, RUN).length)
  }
  return { amplification: uploaded / (nodes * size), mostUnits }
}

describe('the pack merge policy', () => {
  it('keeps every checkpoint within the budget of small units, whatever the number of nodes', () => {
    for (const nodes of [1, 2, 5, 9, 30, 300, 1000]) {
      expect(simulate(nodes).mostUnits).toBeLessThanOrEqual(SMALL_UNITS_PER_CHECKPOINT)
    }
  })

  it('rewrites each byte a bounded number of times (write amplification, a count)', () => {
    expect(simulate(5).amplification).toBeLessThanOrEqual(1.4)
    expect(simulate(9).amplification).toBeLessThanOrEqual(2.34)
    expect(simulate(300).amplification).toBeLessThanOrEqual(9.3)
    expect(simulate(1000).amplification).toBeLessThanOrEqual(14.4)
  })

  it('decides the same way for the same units', () => {
    const units = smallUnits(
      [1, 2, 3, 4, 5].map(n => archive(n, n * 100)),
      RUN
    )
    expect(unitsToMerge(units, 6)).toEqual(unitsToMerge([...units], 6))
    expect(
      smallUnits(
        [5, 3, 1, 4, 2].map(n => archive(n, n * 100)),
        RUN
      )
    ).toEqual(units)
  })

  it('merges nothing within the budget', () => {
    const units = smallUnits(
      [1, 2, 3].map(n => archive(n, 10)),
      RUN
    )
    expect(unitsToMerge(units, 4)).toEqual([])
  })

  it('merges a suffix that outweighs the unit before it, else the two newest', () => {
    expect(mergeStart([100, 10, 10, 10], 2)).toBe(2)
    expect(mergeStart([100, 30, 12, 4], 2)).toBe(1)
    // No suffix outweighs its predecessor: the two newest.
    expect(mergeStart([1000, 100, 40, 5], 2)).toBe(2)
  })

  it('merges as many units as it takes when a checkpoint was over budget', () => {
    const units = smallUnits(
      [1, 2, 3, 4, 5, 6, 7, 8].map(n => archive(n, 10)),
      RUN
    )
    const merged = unitsToMerge(units, 9)
    expect(units.length - merged.length + 1).toBeLessThanOrEqual(SMALL_UNITS_PER_CHECKPOINT - 1)
    expect(merged).toEqual(units.slice(units.length - merged.length))
  })

  it('leaves large archives, the cache and other runs out of the units', () => {
    const units = smallUnits(
      [
        archive(1, PACKABLE_ARCHIVE_BYTES),
        archive(2, 10, { runId: '7' }),
        archive(3, 10, { cache: 'key' }),
        archive(4, 10)
      ],
      RUN
    )
    expect(units.map(unit => unit.artifact)).toEqual([archive(4, 10).name])
  })

  it('groups the archives of one pack into one unit', () => {
    const pack = packName({ scope: 'p', attempt: 1, sequence: 3, node: 'n3' })
    const units: PackUnit[] = smallUnits(
      [archive(1, 10, { pack }), archive(2, 20, { pack }), archive(4, 5)],
      RUN
    )
    expect(units.map(unit => [unit.artifact, unit.size])).toEqual([
      [pack, 30],
      [archive(4, 5).name, 5]
    ])
  })
})
