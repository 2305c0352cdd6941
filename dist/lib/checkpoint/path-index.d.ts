/**
 * Workspace paths (`/` between folders) held by path, each found with whatever clashes with it
 * (the same path, one of its folders, or a path under it) in time proportional to the clashes
 * and the path's depth, not to how many paths are held: a save of 10,000 files over a checkpoint
 * of 10,000 more stays linear.
 */
export declare class PathIndex<T extends {
    path: string;
}> {
    private readonly byPath;
    /** For each folder, the held paths under it (at any depth). */
    private readonly below;
    private added;
    constructor(items?: Iterable<T>);
    /** Holds `item` at its path, in place of what was there (which keeps its place in the order). */
    set(item: T): void;
    delete(path: string): void;
    /** The held items that cannot share a workspace with `path`, in the order they were added. */
    clashing(path: string): T[];
    /** Every held item, in the order they were added. */
    items(): T[];
}
