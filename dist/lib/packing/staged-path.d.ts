/**
 * Where a file waits in a staging folder before it is moved into the workspace: under a flat
 * name made from its path, not at its path. Creating a folder costs as much as creating a file,
 * so a restore of 1,000 files in 1,000 folders made every folder twice (in staging, then in the
 * workspace) when staging mirrored the paths; now it makes them once. No staged name leads out
 * of the staging folder, whatever the path. Two files never meet here: a checkpoint whose
 * manifest lists a path twice, or a file where another needs a folder, is refused when read.
 */
export declare function stagedPath(staging: string, path: string): string;
