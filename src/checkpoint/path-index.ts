/**
 * Workspace paths (`/` between folders) held by path, each found with whatever clashes with it
 * (the same path, one of its folders, or a path under it) in time proportional to the clashes
 * and the path's depth, not to how many paths are held: a save of 10,000 files over a checkpoint
 * of 10,000 more stays linear.
 */
export class PathIndex<T extends { path: string }> {
  private readonly byPath = new Map<string, { item: T; order: number }>()
  /** For each folder, the held paths under it (at any depth). */
  private readonly below = new Map<string, Set<string>>()
  private added = 0

  constructor(items: Iterable<T> = []) {
    for (const item of items) this.set(item)
  }

  /** Holds `item` at its path, in place of what was there (which keeps its place in the order). */
  set(item: T): void {
    const held = this.byPath.get(item.path)
    this.byPath.set(item.path, { item, order: held?.order ?? this.added++ })
    if (held) return
    for (const folder of foldersOf(item.path)) {
      let under = this.below.get(folder)
      if (!under) {
        under = new Set()
        this.below.set(folder, under)
      }
      under.add(item.path)
    }
  }

  delete(path: string): void {
    if (!this.byPath.delete(path)) return
    for (const folder of foldersOf(path)) this.below.get(folder)?.delete(path)
  }

  /** The held items that cannot share a workspace with `path`, in the order they were added. */
  clashing(path: string): T[] {
    const paths = [path, ...foldersOf(path), ...(this.below.get(path) ?? [])]
    return paths
      .map(held => this.byPath.get(held))
      .filter(held => held !== undefined)
      .sort((a, b) => a.order - b.order)
      .map(held => held.item)
  }

  /** Every held item, in the order they were added. */
  items(): T[] {
    return [...this.byPath.values()].map(held => held.item)
  }
}

/** The folders a path lies in, outermost first: `a/b/c` → `a`, `a/b`. */
function foldersOf(path: string): string[] {
  const folders: string[] = []
  for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
    folders.push(path.slice(0, slash))
  }
  return folders
}
