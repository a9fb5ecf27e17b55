// Docker for tests: is an engine answering, and the local-oss image built from this checkout. Tests that need
// Docker skip with a printed reason when no engine answers, and fail instead when REQUIRE_DOCKER=1 (.ci/run).
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const run = promisify(execFile);
export const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const IMAGE = 'local-oss:latest';

export async function docker(...args: string[]): Promise<string> {
  const { stdout } = await run('docker', args, { maxBuffer: 64 * 1024 * 1024, timeout: 15 * 60_000 });
  return stdout.trim();
}

/** undefined when an engine answers; otherwise why not (thrown under REQUIRE_DOCKER=1). */
export async function dockerOrSkipReason(): Promise<string | undefined> {
  let reason: string | undefined;
  try {
    await docker('info', '--format', '{{.ServerVersion}}');
  } catch (err) {
    const e = err as { code?: string; stderr?: string };
    reason = e.code === 'ENOENT' ? 'the docker CLI is not installed' : `no Docker engine answers (${(e.stderr ?? '').trim().split('\n')[0]})`;
  }
  if (reason && process.env.REQUIRE_DOCKER === '1') throw new Error(`REQUIRE_DOCKER=1 but ${reason}`);
  return reason;
}

let built: Promise<void> | undefined;

/** Builds the image from the Dockerfile at the repository root (layer cache makes a rebuild quick). */
export function buildImage(): Promise<void> {
  built ??= docker('build', '-q', '-t', IMAGE, REPO).then(() => undefined);
  return built;
}
