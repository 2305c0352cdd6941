import { rm } from 'node:fs/promises';
import { UntrustedCheckpointError } from '../checkpoint/codec.js';
import { UnsupportedSchemaError } from '../checkpoint/errors.js';
import { compareRefs, filesArchiveName } from '../checkpoint/naming.js';
/**
 * Checkpoints as downloaded from a run page: documents, files archives and the problems met
 * reading them, with the questions every command asks of them.
 */
export class CheckpointSource {
    location;
    archivesByName;
    problems;
    temporary;
    /** Every checkpoint found: by scope, then oldest first by (attempt, sequence). */
    checkpoints;
    constructor(
    /** The path the source was read from. */
    location, checkpoints, archivesByName, problems, temporary = []) {
        this.location = location;
        this.archivesByName = archivesByName;
        this.problems = problems;
        this.temporary = temporary;
        this.checkpoints = [...checkpoints].sort(byRefThenValidity);
    }
    /** The files archives found, by name. */
    get archives() {
        return [...this.archivesByName.values()];
    }
    /** The documents that verified, oldest first. */
    get valid() {
        return this.checkpoints.flatMap(found => (found.document ? [found.document] : []));
    }
    /** A files archive by its artifact name. */
    archive(name) {
        return this.archivesByName.get(name);
    }
    /** Names of the archives a document's files live in that the source does not hold. */
    missingArchives(document) {
        return archivesOf(document).filter(name => !this.archivesByName.has(name));
    }
    /** What `list` says of a checkpoint. */
    status(found) {
        if (found.error instanceof UnsupportedSchemaError)
            return 'newer-schema';
        if (found.error instanceof UntrustedCheckpointError)
            return 'untrusted';
        if (!found.document)
            return 'corrupt';
        return this.missingArchives(found.document).length > 0 ? 'files-missing' : 'valid';
    }
    /**
     * Every file an archive holds, as recorded: the archive's own checkpoint lists all of them
     * (later checkpoints drop the paths a later node replaced), else the newest records wins.
     */
    manifest(archive) {
        const byPath = new Map();
        for (const document of this.documentsRecording(archive)) {
            for (const file of document.files) {
                if (file.archive === archive && file.link === undefined && !byPath.has(file.path)) {
                    byPath.set(file.path, file);
                }
            }
        }
        return [...byPath.values()];
    }
    /** What the checkpoints recorded of an archive at upload (size, digest), if any did. */
    archiveRecord(archive) {
        for (const document of this.documentsRecording(archive)) {
            const record = document.archives.find(item => item.name === archive);
            if (record)
                return record;
        }
        return undefined;
    }
    /** Removes what reading the source extracted to temporary folders. */
    async close() {
        const folders = this.temporary.splice(0);
        await Promise.all(folders.map(folder => rm(folder, { recursive: true, force: true })));
    }
    /** The archive's own checkpoint first, then the others newest first. */
    documentsRecording(archive) {
        const documents = this.valid.reverse();
        const own = documents.filter(document => filesArchiveName(document) === archive);
        return [...own, ...documents.filter(document => filesArchiveName(document) !== archive)];
    }
}
/** The archives a document's files live in, in manifest order, each once. */
export function archivesOf(document) {
    const names = document.files.flatMap(file => file.link === undefined && file.archive !== undefined ? [file.archive] : []);
    return [...new Set(names)];
}
function byRefThenValidity(a, b) {
    if (!a.ref || !b.ref)
        return (a.ref ? 1 : 0) - (b.ref ? 1 : 0);
    const scopes = a.ref.scope < b.ref.scope ? -1 : a.ref.scope > b.ref.scope ? 1 : 0;
    return scopes || compareRefs(a.ref, b.ref) || (a.document ? 0 : 1) - (b.document ? 0 : 1);
}
