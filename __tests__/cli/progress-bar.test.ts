import { describe, expect, it } from '@jest/globals'
import { ProgressBar } from '../../src/cli/progress-bar.js'

function terminal(isTTY: boolean): { write(text: string): boolean; isTTY: boolean; text: string } {
  return {
    isTTY,
    text: '',
    write(text: string) {
      this.text += text
      return true
    }
  }
}

describe('ProgressBar', () => {
  it('draws nothing when stderr is not a terminal, or for a small download', () => {
    expect(ProgressBar.start(terminal(false), 'big', 64 * 1024 * 1024)).toBeUndefined()
    expect(ProgressBar.start(terminal(true), 'small', 1000)).toBeUndefined()
  })

  it('redraws one line in place when the percentage moves, and ends it', () => {
    const output = terminal(true)
    const bar = ProgressBar.start(output, 'model', 4 * 1024 * 1024)
    for (let bytes = 0; bytes <= 4 * 1024 * 1024; bytes += 1024) bar?.report(bytes)
    bar?.end()
    const frames = output.text.split('\r').filter(Boolean)
    expect(frames).toHaveLength(101)
    expect(frames[50]).toMatch(/^model \[#{12}-{12}\] {2}50% 2\.0 MiB \/ 4\.0 MiB/)
    expect(output.text.endsWith('\n')).toBe(true)
  })
})
