import { spawnSync } from 'node:child_process'
import { staleBuildReason } from '../../../bench/lib/build'

/**
 * Builds once, before any worker starts its storefront, when the build is missing or a source changed after it:
 * an old build would pass for code it does not contain. Each worker then serves this same .output.
 */
export default async function globalSetup(): Promise<void> {
  const reason = await staleBuildReason()
  if (!reason) return
  console.log(`e2e: building first (${reason})`)
  const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' })
  if (build.status !== 0) throw new Error(`npm run build exited with ${build.status ?? build.signal}`)
}
