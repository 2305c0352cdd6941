// Lines the bench's direct client prints when it is loaded and its call starts, so the phases of
// actions/cache's calls start there (the toolkit's own lines come after the work: "Cache Size",
// "Cache restored successfully"). Shared by the client (bundled) and the payload area.
export const CALLING_SAVE_CACHE = 'Calling saveCache'
export const CALLING_RESTORE_CACHE = 'Calling restoreCache'
