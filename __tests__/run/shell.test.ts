import { describe, expect, it } from '@jest/globals'
import { chmod, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { InvalidInputError } from '../../src/checkpoint/errors.js'
import {
  commandLine,
  findProgram,
  processHost,
  resolveShell,
  scriptText,
  splitArguments,
  type ShellHost
} from '../../src/run/shell.js'
import { useTempDirs } from '../../__fixtures__/temp.js'

/**
 * The `shell` input resolved as a runner resolves `shell:` on Linux, macOS and Windows. The OS,
 * the environment and the file system are given, so every OS is tested here on Linux.
 */

const tempDir = useTempDirs()

/** A machine whose programs are the files listed (compared as the OS compares names). */
function host(platform: NodeJS.Platform, env: Record<string, string>, files: string[]): ShellHost {
  const key = (file: string): string => (platform === 'win32' ? file.toLowerCase() : file)
  const present = new Set(files.map(key))
  return { platform, env, isProgram: file => Promise.resolve(present.has(key(file))) }
}

const LINUX = host('linux', { PATH: '/usr/local/bin:/usr/bin:/bin' }, [
  '/usr/bin/bash',
  '/bin/bash',
  '/usr/bin/sh',
  '/usr/bin/python3',
  '/usr/bin/pwsh',
  '/usr/bin/perl'
])

const MACOS = host('darwin', { PATH: '/opt/homebrew/bin:/usr/local/bin:/usr/bin:/bin' }, [
  '/bin/bash',
  '/bin/sh',
  '/usr/local/bin/python',
  '/usr/local/bin/pwsh'
])

/** A hosted Windows runner: Git Bash early on PATH, WSL's launcher in System32 too. */
const WINDOWS_ENV = {
  Path: [
    'C:\\Program Files\\PowerShell\\7',
    'C:\\hostedtoolcache\\windows\\Python\\3.12.10\\x64',
    'C:\\Windows\\system32',
    'C:\\Program Files\\Git\\bin',
    'C:\\Users\\runneradmin\\AppData\\Local\\Microsoft\\WindowsApps'
  ].join(';'),
  PATHEXT: '.COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC;.PY;.PYW;.CPL',
  ComSpec: 'C:\\Windows\\system32\\cmd.exe',
  SystemRoot: 'C:\\Windows',
  ProgramFiles: 'C:\\Program Files'
}
const WINDOWS_FILES = [
  'C:\\Program Files\\PowerShell\\7\\pwsh.exe',
  'C:\\hostedtoolcache\\windows\\Python\\3.12.10\\x64\\python.exe',
  'C:\\Windows\\System32\\bash.exe',
  'C:\\Windows\\System32\\cmd.exe',
  'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
  'C:\\Program Files\\Git\\bin\\bash.exe',
  'C:\\Users\\runneradmin\\AppData\\Local\\Microsoft\\WindowsApps\\bash.exe',
  'C:\\Strawberry\\perl\\bin\\perl.exe'
]
const WINDOWS = host(
  'win32',
  {
    ...WINDOWS_ENV,
    Path: `${WINDOWS_ENV.Path};C:\\Windows\\System32\\WindowsPowerShell\\v1.0;C:\\Strawberry\\perl\\bin`
  },
  WINDOWS_FILES
)

const SCRIPT = '/home/runner/work/_temp/checkpoint-action/pipeline.build'
const WIN_SCRIPT = 'D:\\a\\_temp\\checkpoint-action\\pipeline.build'

async function resolved(value: string, on: ShellHost, script: string) {
  const shell = await resolveShell(value, on)
  const file = `${script}${shell.extension}`
  return { ...commandLine(shell, file), extension: shell.extension, name: shell.name }
}

const RULE =
  'must be bash, sh, python, pwsh, cmd or powershell (Windows), or a command line containing {0}, e.g. "perl {0}"'

describe('resolveShell on Linux and macOS', () => {
  it.each([
    ['', '/usr/bin/bash', ['--noprofile', '--norc', '-eo', 'pipefail', `${SCRIPT}.sh`], '.sh'],
    ['bash', '/usr/bin/bash', ['--noprofile', '--norc', '-eo', 'pipefail', `${SCRIPT}.sh`], '.sh'],
    ['sh', '/usr/bin/sh', ['-e', `${SCRIPT}.sh`], '.sh'],
    ['python', '/usr/bin/python3', [`${SCRIPT}.py`], '.py'],
    ['pwsh', '/usr/bin/pwsh', ['-command', `. '${SCRIPT}.ps1'`], '.ps1'],
    ['perl {0}', '/usr/bin/perl', [SCRIPT], ''],
    ['bash -x {0}', '/usr/bin/bash', ['-x', `${SCRIPT}.sh`], '.sh'],
    ['pwsh -File {0}', '/usr/bin/pwsh', ['-File', `${SCRIPT}.ps1`], '.ps1'],
    ['python3 -u {0}', '/usr/bin/python3', ['-u', SCRIPT], '']
  ])('Linux: %j runs %s %j, script %s', async (value, program, args, extension) => {
    expect(await resolved(value, LINUX, SCRIPT)).toEqual({
      program,
      args,
      verbatim: false,
      extension,
      name: value === '' ? 'bash' : value
    })
  })

  it('macOS: bash is /bin/bash (3.2), python the first on PATH, pwsh where installed', async () => {
    expect((await resolved('bash', MACOS, SCRIPT)).program).toBe('/bin/bash')
    expect((await resolved('python', MACOS, SCRIPT)).program).toBe('/usr/local/bin/python')
    expect((await resolved('pwsh', MACOS, SCRIPT)).program).toBe('/usr/local/bin/pwsh')
    expect((await resolved('sh', MACOS, SCRIPT)).args).toEqual(['-e', `${SCRIPT}.sh`])
  })

  it.each([
    ['cmd', "'cmd' exists on Windows runners only"],
    ['powershell', "'powershell' exists on Windows runners only"],
    ['zsh', RULE],
    ['perl -e 1', RULE],
    ['ruby {0}', "'ruby' is not installed on this runner (not found on PATH)"]
  ])('refuses %j: %s', async (value, rule) => {
    await expect(resolveShell(value, LINUX)).rejects.toThrow(
      new InvalidInputError('shell', value, rule)
    )
  })

  it('says when pwsh is not installed', async () => {
    const bare = host('linux', { PATH: '/usr/bin' }, ['/usr/bin/bash'])
    await expect(resolveShell('pwsh', bare)).rejects.toThrow(
      "Input 'shell' has an invalid value \"pwsh\": 'pwsh' is not installed on this runner"
    )
  })

  it('keeps a script path with spaces or $ in one argument', async () => {
    const shell = await resolveShell('bash', LINUX)
    expect(commandLine(shell, '/tmp/my dir/$&x.sh').args.at(-1)).toBe('/tmp/my dir/$&x.sh')
  })
})

describe('resolveShell on Windows', () => {
  it.each([
    [
      'bash',
      'C:\\Program Files\\Git\\bin\\bash.exe',
      `--noprofile --norc -eo pipefail ${WIN_SCRIPT}.sh`,
      '.sh'
    ],
    [
      'pwsh',
      'C:\\Program Files\\PowerShell\\7\\pwsh.exe',
      `-command ". '${WIN_SCRIPT}.ps1'"`,
      '.ps1'
    ],
    [
      'powershell',
      'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      `-command ". '${WIN_SCRIPT}.ps1'"`,
      '.ps1'
    ],
    [
      'cmd',
      'C:\\Windows\\system32\\cmd.exe',
      `/D /E:ON /V:OFF /S /C "CALL "${WIN_SCRIPT}.cmd""`,
      '.cmd'
    ],
    [
      'python',
      'C:\\hostedtoolcache\\windows\\Python\\3.12.10\\x64\\python.exe',
      `${WIN_SCRIPT}.py`,
      '.py'
    ],
    ['perl {0}', 'C:\\Strawberry\\perl\\bin\\perl.exe', WIN_SCRIPT, ''],
    [
      'pwsh -NoProfile -File {0}',
      'C:\\Program Files\\PowerShell\\7\\pwsh.exe',
      `-NoProfile -File ${WIN_SCRIPT}.ps1`,
      '.ps1'
    ],
    ['cmd /c {0}', 'C:\\Windows\\System32\\cmd.exe', `/c ${WIN_SCRIPT}.cmd`, '.cmd'],
    [
      'PowerShell',
      'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      `-command ". '${WIN_SCRIPT}.ps1'"`,
      '.ps1'
    ]
  ])('%j runs %s with %s verbatim, script %s', async (value, program, args, extension) => {
    const shell = await resolved(value, WINDOWS, WIN_SCRIPT)
    expect(shell).toEqual({
      program: expect.any(String),
      args: [args],
      verbatim: true,
      extension,
      name: value
    })
    expect(shell.program.toLowerCase()).toBe(program.toLowerCase())
  })

  it('takes Git Bash, never the WSL launcher in the Windows folder or WindowsApps', async () => {
    const wslFirst = host(
      'win32',
      {
        ...WINDOWS_ENV,
        Path: 'C:\\Windows\\system32;C:\\Users\\runneradmin\\AppData\\Local\\Microsoft\\WindowsApps'
      },
      WINDOWS_FILES
    )
    // Not on PATH: Git's own folder under Program Files.
    expect((await resolveShell('bash', wslFirst)).program).toBe(
      'C:\\Program Files\\Git\\bin\\bash.exe'
    )
    const noGit = host('win32', wslFirst.env as Record<string, string>, [
      'C:\\Windows\\System32\\bash.exe'
    ])
    await expect(resolveShell('bash', noGit)).rejects.toThrow(
      "'bash' is not installed on this runner"
    )
  })

  it('refuses sh, which Windows runners do not have', async () => {
    await expect(resolveShell('sh', WINDOWS)).rejects.toThrow(
      "Input 'shell' has an invalid value \"sh\": 'sh' is not a shell on Windows runners: use bash (Git Bash)"
    )
  })

  it('finds cmd on PATH when ComSpec is not set, and python3 where python is absent', async () => {
    const env = { Path: 'C:\\Windows\\system32;C:\\Python312' }
    const machine = host('win32', env, [
      'C:\\Windows\\System32\\cmd.exe',
      'C:\\Python312\\python3.exe'
    ])
    expect((await resolveShell('cmd', machine)).program).toBe('C:\\Windows\\system32\\cmd.exe')
    expect((await resolveShell('python', machine)).program).toBe('C:\\Python312\\python3.exe')
  })

  it('writes scripts as the runner does: CRLF, @echo off for cmd, the exit code for PowerShell', async () => {
    const cmd = await resolveShell('cmd', WINDOWS)
    expect(scriptText(cmd, 'echo one\nexit /b 3')).toBe('@echo off\r\necho one\r\nexit /b 3')
    const pwsh = await resolveShell('pwsh', WINDOWS)
    expect(scriptText(pwsh, 'Write-Output hi\r\n')).toBe(
      "$ErrorActionPreference = 'stop'\r\nWrite-Output hi\r\n\r\n" +
        'if ((Test-Path -LiteralPath variable:\\LASTEXITCODE)) { exit $LASTEXITCODE }'
    )
    const bash = await resolveShell('bash', WINDOWS)
    expect(scriptText(bash, 'echo a\necho b\n')).toBe('echo a\r\necho b\r\n')
    const linuxBash = await resolveShell('bash', LINUX)
    expect(scriptText(linuxBash, 'echo a\necho b\n')).toBe('echo a\necho b\n')
    const linuxPwsh = await resolveShell('pwsh', LINUX)
    expect(scriptText(linuxPwsh, 'exit 2')).toBe(
      "$ErrorActionPreference = 'stop'\nexit 2\nif ((Test-Path -LiteralPath variable:\\LASTEXITCODE)) { exit $LASTEXITCODE }"
    )
  })
})

describe('findProgram', () => {
  it('on Windows: ";" between folders, PATHEXT in order, a name with its extension as it is', async () => {
    const machine = host('win32', { PATH: 'C:\\a;;C:\\b', PATHEXT: '.EXE;.CMD' }, [
      'C:\\a\\tool.cmd',
      'C:\\b\\tool.exe',
      'C:\\b\\other.cmd'
    ])
    expect(await findProgram('tool', machine)).toBe('C:\\a\\tool.cmd')
    expect(await findProgram('tool.exe', machine)).toBe('C:\\b\\tool.exe')
    expect(await findProgram('other', machine)).toBe('C:\\b\\other.cmd')
    expect(await findProgram('C:\\b\\tool.exe', machine)).toBe('C:\\b\\tool.exe')
    expect(await findProgram('missing', machine)).toBeUndefined()
  })

  it('on Linux: ":" between folders, names as they are, a path taken as it is', async () => {
    const machine = host('linux', { PATH: '/a:/b' }, ['/b/tool', '/opt/tool'])
    expect(await findProgram('tool', machine)).toBe('/b/tool')
    expect(await findProgram('tool.exe', machine)).toBeUndefined()
    expect(await findProgram('/opt/tool', machine)).toBe('/opt/tool')
  })

  it('on this machine: only executable files count', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, 'bin'))
    await mkdir(join(dir, 'bin', 'folder'))
    await writeFile(join(dir, 'bin', 'plain'), 'not executable')
    await writeFile(join(dir, 'bin', 'tool'), '#!/bin/sh\n')
    await chmod(join(dir, 'bin', 'tool'), 0o755)
    const machine = { ...processHost(), env: { PATH: join(dir, 'bin') } }
    expect(await findProgram('tool', machine)).toBe(join(dir, 'bin', 'tool'))
    expect(await findProgram('plain', machine)).toBeUndefined()
    expect(await findProgram('folder', machine)).toBeUndefined()
  })
})

describe('splitArguments', () => {
  it('splits at white space outside double quotes, which it removes', () => {
    expect(splitArguments(`-command ". '{0}'"`)).toEqual(['-command', ". '{0}'"])
    expect(splitArguments('  -e   {0} ')).toEqual(['-e', '{0}'])
    expect(splitArguments('-c "" {0}')).toEqual(['-c', '', '{0}'])
    expect(splitArguments('a"b c"d')).toEqual(['ab cd'])
  })
})
