import { isAbsolute, relative } from 'node:path'
import type { CliIo, CommandSpec } from '../args.js'
import { UsageError } from '../../offline/offline-errors.js'
import { formatBytes, json, table } from '../format.js'
import { DEFAULT_API_URL, GitHubClient, type Repository } from '../../transport/rest-client.js'
import { ProgressBar } from '../progress-bar.js'
import { pullRun, type PulledArtifact } from '../../offline/pull.js'
import { JSON_OPTION, SCOPE_OPTION } from './command-options.js'

const REPOSITORY_PATTERN = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/

/** `pull`: a run's checkpoints through the REST API. */
export const pullCommand: CommandSpec = {
  name: 'pull',
  summary: "download a run's checkpoints through the REST API",
  description:
    "Downloads a run's checkpoints as the run page would: documents as plain JSON, files\n" +
    'archives as <name>.zip, each checked against the digest recorded at upload. Needs\n' +
    'GITHUB_TOKEN (with actions: read); honours GITHUB_API_URL (default https://api.github.com).\n' +
    'Files already there with the right digest are not downloaded again.',
  arguments: [],
  options: {
    repo: { type: 'string', value: 'OWNER/NAME', description: 'the repository (required)' },
    run: { type: 'string', value: 'ID', description: 'the workflow run id (required)' },
    attempt: {
      type: 'string',
      value: 'N',
      description: 'only the checkpoints attempt N wrote, and the archives their files are in'
    },
    scope: SCOPE_OPTION,
    to: { type: 'string', value: 'DIR', description: 'the folder to download into (default: .)' },
    json: JSON_OPTION
  },
  async run(args, io) {
    const repository = repositoryOf(args.required('repo'))
    const runId = args.requiredCount('run')
    const token = io.env.GITHUB_TOKEN
    if (!token) throw new UsageError('pull needs a token in GITHUB_TOKEN (with actions: read)')
    const client = new GitHubClient(io.env.GITHUB_API_URL || DEFAULT_API_URL, token, line =>
      io.stderr.write(`checkpoint-action: ${line}\n`)
    )
    const attempt = args.count('attempt')
    const scope = args.scope()
    const to = args.path(args.string('to') ?? '.', io)
    const pulled = await pullRun(client, {
      repository,
      runId,
      to,
      ...(attempt === undefined ? {} : { attempt }),
      ...(scope === undefined ? {} : { scope }),
      progress: artifact => ProgressBar.start(io.stderr, artifact.name, artifact.size)
    })
    io.stdout.write(args.flag('json') ? json({ to, artifacts: pulled }) : pullTable(pulled, io))
  }
}

function repositoryOf(value: string): Repository {
  const match = REPOSITORY_PATTERN.exec(value)
  if (!match?.[1] || !match[2]) {
    throw new UsageError(`--repo ${JSON.stringify(value)} must be OWNER/NAME`)
  }
  return { owner: match[1], name: match[2] }
}

/** A path relative to the working folder when it is inside it, else absolute. */
function shownPath(file: string, cwd: string): string {
  const path = relative(cwd, file)
  return path === '' || path.startsWith('..') || isAbsolute(path) ? file : path
}

function pullTable(pulled: PulledArtifact[], io: CliIo): string {
  const rows = pulled.map(item => [
    shownPath(item.file, io.cwd),
    formatBytes(item.bytes),
    item.outcome
  ])
  return table(['FILE', 'SIZE', 'OUTCOME'], rows)
}
