// The pytest fixture (python/, issue 23 item 5): its own pytest suite passes against this checkout's CLI, and the
// package installs offline (`pip install --no-index ./python` into a venv) and serves the fixture to a test file
// elsewhere through its pytest11 entry point. Needs Debian's python3 with pytest and requests (.ci/run installs
// them): without them this skips with the reason, and fails instead under REQUIRE_PYTHON=1.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

async function skipReason(): Promise<string | undefined> {
  let reason: string | undefined;
  try {
    await promisify(execFile)(PYTHON, ['-c', 'import pytest, requests, venv, pip'], { timeout: 30_000 });
  } catch (err) {
    const e = err as { code?: string; stderr?: string };
    const missing = /No module named '([^']+)'/.exec(e.stderr ?? '')?.[1];
    reason = e.code === 'ENOENT' ? `${PYTHON} not found` : missing ? `${PYTHON} lacks the module '${missing}'` : String(err);
    reason += ' (apt-get install -y python3-pytest python3-requests python3-venv python3-pip)';
  }
  if (reason && process.env.REQUIRE_PYTHON === '1') throw new Error(`REQUIRE_PYTHON=1 but ${reason}`);
  return reason;
}

const reason = await skipReason();
if (reason) console.warn(`skipping the pytest fixture tests: ${reason}`);

/** The environment without the LOCAL_OSS_* settings of whoever runs npm test, so the fixture starts its own. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('LOCAL_OSS_') && k !== 'PYTHONPATH'));
  return { ...env, PYTHONDONTWRITEBYTECODE: '1', ...extra };
}

function run(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, opts);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 170_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe.skipIf(reason !== undefined)('pytest fixture local_oss', () => {
  it('runs python/tests against this checkout: put/get signed, public-read anonymous, reset, faults, request log', { timeout: 180_000 }, async () => {
    const r = await run(PYTHON, ['-m', 'pytest', 'python/tests', '-p', 'no:cacheprovider', '-rs'], { cwd: ROOT, env: cleanEnv() });
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/\b[1-9]\d* passed/);
    expect(r.out).not.toMatch(/\bfailed\b|\berror/);
  });

  it('installs offline with pip install ./python and serves the fixture through its entry point', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'local-oss-pytest-'));
    dirs.push(dir);
    const venv = join(dir, 'venv');
    // --system-site-packages: requests, pytest and pip come from Debian, as they would from a user's environment.
    const made = await run(PYTHON, ['-m', 'venv', '--system-site-packages', '--without-pip', venv], { cwd: dir, env: cleanEnv() });
    expect(made.code, made.out).toBe(0);
    const py = join(venv, 'bin', 'python');
    const pip = await run(py, ['-m', 'pip', 'install', '--no-index', '--disable-pip-version-check', join(ROOT, 'python')], { cwd: dir, env: cleanEnv() });
    expect(pip.code, pip.out).toBe(0);
    const project = join(dir, 'project');
    mkdirSync(project);
    writeFileSync(
      join(project, 'test_uses_fixture.py'),
      [
        'import local_oss',
        '',
        'def test_installed_fixture(local_oss):',
        '    assert local_oss.__class__.__module__ == "local_oss.emulator"',
        '    s = local_oss.session()',
        '    assert s.put(local_oss.url + "/installed-bucket").status_code == 200',
        '    assert s.put(local_oss.url + "/installed-bucket/k", data=b"v").status_code == 200',
        '    assert [r["api"] for r in local_oss.requests_log()][:2] == ["PutObject", "PutBucket"]',
        '',
      ].join('\n'),
    );
    // Outside the checkout: LOCAL_OSS_CHECKOUT says which emulator to run.
    const r = await run(py, ['-m', 'pytest', project, '-p', 'no:cacheprovider'], { cwd: project, env: cleanEnv({ LOCAL_OSS_CHECKOUT: ROOT }) });
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/\b1 passed/);
  });
});
