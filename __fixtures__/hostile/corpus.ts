import { mkdir, symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { sha256Digest } from '../../src/checkpoint/canonical.js'
import {
  sealCheckpoint,
  serializeCheckpoint,
  type ArchiveRecord,
  type CheckpointDocument,
  type FileRecord
} from '../../src/checkpoint/document.js'
import {
  checkpointName,
  filesArchiveName,
  type CheckpointRef
} from '../../src/checkpoint/naming.js'
import { nextCheckpoint } from '../../src/checkpoint/progress.js'
import type { PipelineState } from '../../src/checkpoint/state.js'
import { makeZip, S_IFLNK, type ZipEntry } from '../zip.js'

/**
 * A corpus of hostile checkpoints: each one is what a real save uploads (a document named
 * `checkpoint.<scope>.a<attempt>.s<seq>.<node>.json` and, when it has files, the files archive
 * `<...>.files`), correctly digested, with exactly one thing wrong in it: the zip's entries, the
 * manifest, or the document's bytes. Built with the domain functions, so everything else about
 * it is what the product writes itself.
 */

/** Every hostile checkpoint is this one: sequence 2 of scope `pipeline`, attempt 1. */
export const HOSTILE_REF: CheckpointRef = {
  scope: 'pipeline',
  attempt: 1,
  sequence: 2,
  node: 'evil'
}

/** Where a case is restored, so that hostile absolute paths point somewhere that is watched. */
export interface Layout {
  /** The run id the documents record. */
  runId: string
  /** An absolute folder outside the restore target, inside the watched tree. */
  outside: string
}

/** The artifacts a case uploads, as a save would: the archive first, the document last. */
export interface BuiltCase {
  document: { name: string; bytes: Buffer }
  archive?: { name: string; bytes: Buffer }
}

/** What must become of a case. */
export interface Expectation {
  /**
   * The reason restore must give, in its warning and on the CLI's stderr; undefined for a case
   * that is data, not an attack on the reader, and must be restored as such.
   */
  refusal: RegExp | undefined
  /**
   * For a case that must be restored: the regular files (path, content) the target holds after,
   * replacing whatever was at those paths; nothing else may change.
   */
  restores?: Record<string, string>
  /** Exit codes of `checkpoint-action restore --to DIR` and `checkpoint-action verify`. */
  cli: { restore: number; verify: number }
}

export interface HostileCase extends Expectation {
  id: string
  title: string
  /** Plants what the case needs in the restore target beforehand (a link leading out, say). */
  prepare?: (target: string, layout: Layout) => Promise<void>
  build: (layout: Layout) => BuiltCase
}

const REFUSED = { restore: 3, verify: 3 }
/** A checkpoint that is fine in itself, refused only because of what is in the target folder. */
const REFUSED_ON_RESTORE = { restore: 3, verify: 0 }

/** A regular file of the manifest, as the save records it. */
export function fileRecord(path: string, data: Buffer | string, mode = 0o644): FileRecord {
  const bytes = Buffer.from(data)
  return { path, size: bytes.length, sha256: sha256Digest(bytes), mode }
}

/** A link of the manifest, as the save records it (no archive, the target's text hashed). */
export function linkRecord(path: string, target: string): FileRecord {
  return { path, size: 0, sha256: sha256Digest(target), mode: 0o777, link: target }
}

/** The previous checkpoint the hostile one extends: node `fetch`, no files. */
function baseCheckpoint(layout: Layout): CheckpointDocument {
  return nextCheckpoint(undefined, {
    scope: HOSTILE_REF.scope,
    node: 'fetch',
    run: { runId: layout.runId, attempt: 1 },
    state: { base: '1' },
    now: new Date(Date.UTC(2026, 10, 24, 3, 0, 1))
  })
}

/**
 * The hostile checkpoint as the save would write it: `files` (links and regular files), the
 * regular ones held by an archive whose bytes are `entries` (the files' own bytes by default),
 * recorded with the sha256 of exactly those bytes, so only the zip's content can be hostile.
 */
export function hostileCheckpoint(
  layout: Layout,
  options: {
    files?: FileRecord[]
    entries?: ZipEntry[]
    state?: PipelineState
    node?: string
  } = {}
): { document: CheckpointDocument; zip: Buffer | undefined } {
  const ref = { ...HOSTILE_REF, node: options.node ?? HOSTILE_REF.node }
  const name = filesArchiveName(ref)
  const files = (options.files ?? []).map(file =>
    file.link === undefined ? { ...file, archive: name } : file
  )
  const zip = options.entries ? makeZip(options.entries, { level: 9 }) : undefined
  const archive: ArchiveRecord | undefined = zip && {
    name,
    runId: layout.runId,
    size: zip.length,
    digest: sha256Digest(zip),
    packing: 'zip-deflate'
  }
  const next = nextCheckpoint(baseCheckpoint(layout), {
    scope: ref.scope,
    node: ref.node,
    run: { runId: layout.runId, attempt: ref.attempt },
    state: options.state ?? { evil: 'yes' },
    files,
    ...(archive ? { archive } : {}),
    now: new Date(Date.UTC(2026, 10, 24, 3, 0, 2))
  })
  // nextCheckpoint tidies a manifest (a later file replaces an earlier one it shows became a
  // folder); a hostile one is written as the attacker wants it, then sealed.
  const kept = next.files.filter(file => !files.some(hostile => hostile.path === file.path))
  const document = sealCheckpoint({ ...next, files: [...kept, ...files] })
  return { document, zip }
}

/** The artifacts of a document (named after `ref`, whatever it says) and its archive. */
export function artifacts(
  document: CheckpointDocument | Buffer | string,
  zip?: Buffer,
  ref: CheckpointRef = HOSTILE_REF
): BuiltCase {
  const bytes = Buffer.isBuffer(document)
    ? document
    : Buffer.from(typeof document === 'string' ? document : serializeCheckpoint(document))
  return {
    document: { name: checkpointName(ref), bytes },
    ...(zip ? { archive: { name: filesArchiveName(ref), bytes: zip } } : {})
  }
}

/** A checkpoint whose archive holds `entries` while its manifest lists `files`. */
function zipCase(files: FileRecord[], entries: ZipEntry[]): (layout: Layout) => BuiltCase {
  return layout => {
    const { document, zip } = hostileCheckpoint(layout, { files, entries })
    return artifacts(document, zip)
  }
}

/** A checkpoint without files whose state is `state()`, built anew for each case built. */
function stateCase(state: () => PipelineState): (layout: Layout) => BuiltCase {
  return layout => artifacts(hostileCheckpoint(layout, { state: state() }).document)
}

/** A checkpoint whose manifest lists `path` holding `listed`, its archive `entry` at that path. */
function entryCase(
  path: string,
  listed: Buffer | string,
  entry: Omit<ZipEntry, 'name'>
): (layout: Layout) => BuiltCase {
  return zipCase([fileRecord(path, listed)], [{ name: path, ...entry }])
}

/** A checkpoint whose manifest lists data/ok.txt, and whose archive holds it, then `second`. */
function okThen(second: string): (layout: Layout) => BuiltCase {
  return zipCase(
    [fileRecord('data/ok.txt', OK)],
    [
      { name: 'data/ok.txt', data: OK },
      { name: second, data: OK }
    ]
  )
}

/** A checkpoint with files, each in its archive as it should be: only the manifest is hostile. */
function manifestCase(
  files: (layout: Layout) => FileRecord[],
  data: Record<string, string> = {}
): (layout: Layout) => BuiltCase {
  return layout => {
    const records = files(layout)
    const entries = records
      .filter(file => file.link === undefined)
      .map(file => ({ name: file.path, data: data[file.path] ?? '' }))
    const { document, zip } = hostileCheckpoint(layout, {
      files: records,
      ...(entries.length > 0 ? { entries } : {})
    })
    return artifacts(document, zip)
  }
}

/** Re-seals a document after `change`, so its digest matches whatever was changed. */
function resealed(
  change: (document: CheckpointDocument) => CheckpointDocument
): (layout: Layout) => BuiltCase {
  return layout => {
    const { document } = hostileCheckpoint(layout)
    return artifacts(sealCheckpoint(change(document)))
  }
}

/** A state value nested `depth` levels deep: `{"d": {"d": ... {} }}`. */
export function nested(depth: number): PipelineState {
  let value: PipelineState = {}
  for (let level = 0; level < depth; level++) value = { d: value }
  return value
}

const OK = 'ok\n'
const MiB = 1024 * 1024

/** Links pointing out of the restore target, from a folder three levels below the tree. */
const UP_AND_OUT = '../../../../outside'

/** The corpus: one entry per way of attacking the reader. */
export const HOSTILE_CORPUS: readonly HostileCase[] = [
  {
    id: 'zip-slip-parent',
    title: 'a zip entry named ../escaped.txt',
    refusal: /entry "\.\.\/escaped\.txt" contains a "\.\." segment/,
    cli: REFUSED,
    build: zipCase([fileRecord('escaped.txt', OK)], [{ name: '../escaped.txt', data: OK }])
  },
  {
    id: 'zip-slip-nested',
    title: 'a zip entry named a/../../escaped.txt',
    refusal: /entry "a\/\.\.\/\.\.\/escaped\.txt" contains a "\.\." segment/,
    cli: REFUSED,
    build: zipCase([fileRecord('escaped.txt', OK)], [{ name: 'a/../../escaped.txt', data: OK }])
  },
  {
    id: 'zip-absolute',
    title: 'a zip entry with an absolute path',
    refusal: /entry "\/.*\/absolute\.txt" is absolute/,
    cli: REFUSED,
    build: layout =>
      zipCase(
        [fileRecord('absolute.txt', OK)],
        [{ name: `${layout.outside}/absolute.txt`, data: OK }]
      )(layout)
  },
  {
    id: 'zip-drive-letter',
    title: 'a zip entry with a Windows drive letter',
    refusal: /entry "C:\/escaped\.txt" starts with a drive letter/,
    cli: REFUSED,
    build: zipCase([fileRecord('escaped.txt', OK)], [{ name: 'C:/escaped.txt', data: OK }])
  },
  {
    id: 'zip-backslash',
    title: 'a zip entry with Windows separators, ..\\escaped.txt',
    refusal: /entry "\.\.\\\\escaped\.txt" contains a backslash/,
    cli: REFUSED,
    build: zipCase([fileRecord('escaped.txt', OK)], [{ name: '..\\escaped.txt', data: OK }])
  },
  {
    id: 'zip-symlink-entry',
    title: 'a zip entry that is a symbolic link leading out (the manifest calls it a file)',
    refusal: /"data\/pointer".*(symbolic )?link/i,
    cli: REFUSED,
    build: zipCase(
      [fileRecord('data/pointer', UP_AND_OUT)],
      [{ name: 'data/pointer', data: UP_AND_OUT, unixMode: S_IFLNK | 0o777 }]
    )
  },
  {
    id: 'zip-duplicate',
    title: 'the same entry twice',
    refusal: /entry "data\/ok\.txt" .*appears twice/,
    cli: REFUSED,
    build: okThen('data/ok.txt')
  },
  {
    id: 'zip-unlisted',
    title: 'an entry the manifest does not list',
    refusal: /entry "data\/extra\.txt" is not in the checkpoint manifest/,
    cli: REFUSED,
    build: okThen('data/extra.txt')
  },
  {
    id: 'zip-size-lie',
    title: 'an entry whose headers claim 16 bytes and that inflates to 8 MiB',
    refusal: /entry "data\/bomb\.bin" (inflates past the 16 bytes recorded|.*too many bytes)/,
    cli: REFUSED,
    build: entryCase('data/bomb.bin', Buffer.alloc(16), {
      data: Buffer.alloc(8 * MiB),
      deflate: true,
      claimedSize: 16
    })
  },
  {
    id: 'zip-size-claim',
    title: 'an entry of 4 MiB where the manifest records 16 bytes',
    refusal: /entry "data\/bomb\.bin" claims 4194304 bytes, the manifest 16/,
    cli: REFUSED,
    build: entryCase('data/bomb.bin', Buffer.alloc(16), {
      data: Buffer.alloc(4 * MiB),
      deflate: true
    })
  },
  {
    id: 'manifest-file-and-folder',
    title: 'a manifest listing data/x both as a file and as the folder of data/x/y',
    refusal: /"?data\/x"?\b.*(folder|directory)|(folder|directory).*"?data\/x"?\b/i,
    cli: REFUSED,
    build: manifestCase(() => [fileRecord('data/x', OK), fileRecord('data/x/y', OK)], {
      'data/x': OK,
      'data/x/y': OK
    })
  },
  {
    id: 'manifest-dotdot',
    title: 'a manifest path ../escaped.txt',
    refusal: /file path "\.\.\/escaped\.txt" contains a "\.\." segment/,
    cli: REFUSED,
    build: manifestCase(() => [fileRecord('../escaped.txt', OK)], { '../escaped.txt': OK })
  },
  {
    id: 'manifest-absolute',
    title: 'a manifest path that is absolute',
    refusal: /file path "\/.*" is absolute/,
    cli: REFUSED,
    build: layout =>
      manifestCase(() => [fileRecord(`${layout.outside}/abs.txt`, OK)], {
        [`${layout.outside}/abs.txt`]: OK
      })(layout)
  },
  {
    id: 'manifest-duplicate',
    title: 'a manifest listing one path twice',
    refusal: /file "data\/ok\.txt" is listed twice/,
    cli: REFUSED,
    build: layout => {
      const { document, zip } = hostileCheckpoint(layout, {
        files: [fileRecord('data/ok.txt', OK)],
        entries: [{ name: 'data/ok.txt', data: OK }]
      })
      const [first] = document.files
      const twice = first ? [first, first] : []
      return artifacts(sealCheckpoint({ ...document, files: twice }), zip)
    }
  },
  {
    id: 'link-escapes',
    title: 'a manifest link z-out -> ../../../../outside, after a regular file',
    refusal: /z-out.*(outside|leads out|escapes)/,
    cli: REFUSED,
    build: manifestCase(() => [fileRecord('a/ok.txt', OK), linkRecord('z-out', UP_AND_OUT)], {
      'a/ok.txt': OK
    })
  },
  {
    id: 'link-absolute',
    title: 'a manifest link to an absolute path outside',
    refusal: /abs-link.*(outside|leads out|escapes|absolute)/,
    cli: REFUSED,
    build: layout => manifestCase(() => [linkRecord('abs-link', layout.outside)])(layout)
  },
  {
    id: 'link-chain',
    title: 'links that stay inside one by one: sub/up -> .., zz -> sub/up/.. (the parent)',
    refusal: /zz.*(outside|leads out|escapes|lies under the link)/,
    cli: REFUSED,
    build: manifestCase(
      () => [
        linkRecord('sub/up', '..'),
        linkRecord('zz', 'sub/up/..'),
        fileRecord('zz/escaped/evil.txt', OK)
      ],
      { 'zz/escaped/evil.txt': OK }
    )
  },
  {
    id: 'link-chain-only',
    title: 'links alone, each inside as text, whose chain leads out: sub/up -> .., zz -> sub/up/..',
    refusal: /zz.*(outside|leads out|escapes)/,
    cli: REFUSED,
    build: manifestCase(() => [linkRecord('sub/up', '..'), linkRecord('zz', 'sub/up/..')])
  },
  {
    id: 'target-link',
    title: 'a link out already in the target folder that a restored file would go through',
    refusal: /out\/evil\.txt.*outside/,
    cli: REFUSED_ON_RESTORE,
    prepare: plantLinkOut,
    build: manifestCase(() => [fileRecord('out/evil.txt', OK)], { 'out/evil.txt': OK })
  },
  {
    id: 'target-link-nested',
    title: 'a link out already in the target folder, under which a restored folder is made',
    refusal: /out\/sub\/evil\.txt.*outside/,
    cli: REFUSED_ON_RESTORE,
    prepare: plantLinkOut,
    build: manifestCase(() => [fileRecord('out/sub/evil.txt', OK)], { 'out/sub/evil.txt': OK })
  },
  {
    id: 'target-link-file',
    title: 'a link out already at the path of a restored file (replaced, never written through)',
    refusal: undefined,
    restores: { 'out.txt': 'replaced\n' },
    cli: { restore: 0, verify: 0 },
    prepare: async (target, layout) => {
      await mkdir(target, { recursive: true })
      await symlink(join(layout.outside, 'keep.txt'), join(target, 'out.txt'))
    },
    build: manifestCase(() => [fileRecord('out.txt', 'replaced\n')], { 'out.txt': 'replaced\n' })
  },
  {
    id: 'mode-setuid',
    title: 'a file recorded with mode 4777 (setuid, world-writable)',
    refusal: /bin\/tool.*mode|mode.*bin\/tool/,
    cli: REFUSED,
    build: manifestCase(() => [fileRecord('bin/tool', OK, 0o4777)], { 'bin/tool': OK })
  },
  {
    id: 'mode-out-of-range',
    title: 'a file recorded with mode 2^40',
    refusal: /bin\/tool.*mode|mode.*bin\/tool/,
    cli: REFUSED,
    build: manifestCase(() => [fileRecord('bin/tool', OK, 2 ** 40)], { 'bin/tool': OK })
  },
  {
    id: 'metadata-types',
    title: 'metadata of the wrong types (run.sha a number, createdAt an object, parent a number)',
    refusal: /is corrupt: .*("run"|"createdAt"|"parent"|malformed|not valid)/,
    cli: REFUSED,
    build: resealed(document => {
      const hostile = JSON.parse(JSON.stringify(document)) as Record<string, unknown>
      hostile.run = { runId: document.run.runId, attempt: 1, sha: 5 }
      hostile.createdAt = { at: 'noon' }
      hostile.parent = 7
      return hostile as unknown as CheckpointDocument
    })
  },
  {
    id: 'proto-keys',
    title: 'state with __proto__, constructor and prototype keys, correctly digested',
    refusal:
      /holds the key '__proto__' at state\.__proto__: keys named __proto__, constructor or prototype are refused/,
    cli: REFUSED,
    build: stateCase(PROTO_STATE)
  },
  {
    id: 'constructor-key',
    title:
      'a constructor key nested in state, correctly digested (Object.assign would reach a prototype)',
    refusal: /holds the key 'constructor' at state\.config\.options\.constructor/,
    cli: REFUSED,
    build: stateCase(
      () =>
        JSON.parse(
          '{"rows": "1", "config": {"options": {"constructor": {"prototype": {"polluted": "yes"}}}}}'
        ) as PipelineState
    )
  },
  {
    id: 'proto-key-escaped',
    title: 'a __proto__ key written as "\\u005f_proto__" in the text, correctly digested',
    refusal: /holds the key '__proto__' at state\.cfg\.__proto__/,
    cli: REFUSED,
    build: layout => {
      const state = JSON.parse('{"cfg": {"__proto__": {"polluted": "escaped"}}}') as PipelineState
      const { document } = hostileCheckpoint(layout, { state })
      // The digest covers JSON.stringify of the parsed state, which is the same either way.
      const text = serializeCheckpoint(document).replace('"__proto__"', '"\\u005f_proto__"')
      return artifacts(text)
    }
  },
  {
    id: 'deep-nesting',
    title: 'state nested 300 levels deep, correctly digested',
    refusal: /nests deeper than 200 levels/,
    cli: REFUSED,
    build: stateCase(() => ({ deep: nested(300) }))
  },
  {
    id: 'deep-nesting-extreme',
    title: 'state nested 100000 levels deep (no digest could be computed over it recursively)',
    refusal: /nests deeper than 200 levels/,
    cli: REFUSED,
    build: layout => {
      const { document } = hostileCheckpoint(layout, { state: { deep: 'DEEP' } })
      const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
      return artifacts(serializeCheckpoint(document).replace('"DEEP"', deep))
    }
  },
  {
    id: 'invalid-utf8',
    title: 'a byte 0xFF where the digest was computed over U+FFFD (what a lossy decoder reads)',
    refusal: /not valid UTF-8/,
    cli: REFUSED,
    build: layout => {
      const { document } = hostileCheckpoint(layout, { state: { note: 'a\uFFFDb' } })
      const bytes = Buffer.from(serializeCheckpoint(document), 'utf8')
      const replacement = Buffer.from('\uFFFD', 'utf8')
      const at = bytes.indexOf(replacement)
      return artifacts(
        Buffer.concat([
          bytes.subarray(0, at),
          Buffer.from([0xff]),
          bytes.subarray(at + replacement.length)
        ])
      )
    }
  },
  {
    id: 'future-schema',
    title: 'schema version 2, correctly digested',
    refusal: /has schema version 2; this version of checkpoint-action reads versions up to 1/,
    cli: { restore: 2, verify: 3 },
    build: resealed(document => ({ ...document, schema: 2 }))
  },
  {
    id: 'digest-mismatch',
    title: 'a state changed after the digest was computed',
    refusal: /its digest does not match its content/,
    cli: REFUSED,
    build: layout => {
      const { document } = hostileCheckpoint(layout)
      return artifacts(serializeCheckpoint(document).replace('"evil":"yes"', '"evil":"no"'))
    }
  },
  {
    id: 'name-mismatch',
    title: 'a document named for node evil whose content is node other',
    refusal: /its content is checkpoint\.pipeline\.a1\.s002\.other\.json/,
    cli: REFUSED,
    build: layout => {
      const { document } = hostileCheckpoint(layout, { node: 'other' })
      return artifacts(document)
    }
  }
]

/** Plants `out` -> the outside folder in the restore target. */
async function plantLinkOut(target: string, layout: Layout): Promise<void> {
  await mkdir(target, { recursive: true })
  await symlink(layout.outside, join(target, 'out'))
}

/**
 * State whose keys are the names prototype pollution goes through, as JSON.parse reads them:
 * own data properties, which a consumer's `Object.assign` or `target[key] = value` would not
 * keep as data. Refused on save and on restore.
 */
export function PROTO_STATE(): PipelineState {
  return JSON.parse(
    '{"__proto__": {"polluted": "via __proto__"},' +
      ' "constructor": {"prototype": {"polluted": "via constructor"}},' +
      ' "prototype": {"polluted": "via prototype"},' +
      ' "nested": {"__proto__": {"polluted": "nested"}}}'
  ) as PipelineState
}
