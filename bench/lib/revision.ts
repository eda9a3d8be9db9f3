import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { SOURCES } from './build'

const run = promisify(execFile)

/** The commit the measured build was made from: short hash, `+dirty` when sources had uncommitted changes. */
export async function sourceRevision(): Promise<string> {
  try {
    const { stdout: head } = await run('git', ['rev-parse', '--short', 'HEAD'])
    const { stdout: changes } = await run('git', ['status', '--porcelain', '--', ...SOURCES])
    return `${head.trim()}${changes.trim() ? '+dirty' : ''}`
  }
  catch {
    return 'unknown'
  }
}
