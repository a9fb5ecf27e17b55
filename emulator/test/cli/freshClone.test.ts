// A fresh clone, as a new user gets it (issue 23 item 1): after `npm ci` the workspace bins are on the path, so the
// READMEs' `npx local-oss` and `npx oss-conformance` run this checkout's code instead of asking the registry. They did
// not: npm links a bin when it installs, before `prepare` builds dist/, and skipped the missing dist/cli.js.
// The clone is of HEAD (the committed tree, as CI clones it); npm ci reuses the machine's npm cache.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'local-oss-clone-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a fresh clone', () => {
  it('npm ci, then npx local-oss and npx oss-conformance run the clone\'s own commands', async () => {
    const clone = join(dir, 'local-oss');
    await run('git', ['clone', '--quiet', repo, clone]);
    // The machine's cache serves every package (the registry may be reached for what it lacks).
    await run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: clone, timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
    const emulator = await run('npx', ['--no-install', 'local-oss', '--help'], { cwd: clone, timeout: 60_000 });
    expect(emulator.stdout).toMatch(/^usage: local-oss/m);
    const conformance = await run('npx', ['--no-install', 'oss-conformance', '--help'], { cwd: clone, timeout: 60_000 });
    expect(conformance.stdout + conformance.stderr).toMatch(/usage: oss-conformance/);
  }, 900_000);
});
