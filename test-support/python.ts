// Runs the official Python SDK v2 (vendored in ../shared/sdks, see its SOURCE.md) from tests. It needs Debian's
// python3 with python3-requests, python3-pycryptodome and python3-crcmod, plus a folder on PYTHONPATH linking
// `Crypto` to Debian's `Cryptodome`. Tests skip with a printed reason when that is missing, unless
// REQUIRE_PYTHON=1 (set by .ci/run), which turns the skip into a failure.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const SDK_ROOT = resolve(repo, '../shared/sdks/alibabacloud-oss-python-sdk-v2');
const CRYPTODOME = '/usr/lib/python3/dist-packages/Cryptodome';

/** Debian's interpreter first: a pyenv or venv python3 on PATH does not see the Debian packages. */
const CANDIDATES = ['/usr/bin/python3', 'python3'];

export interface PythonSdk {
  python: string;
  env: NodeJS.ProcessEnv;
}

export type PythonSdkLookup = ({ ok: true } & PythonSdk) | { ok: false; reason: string };

let found: Promise<PythonSdkLookup> | undefined;

/** "missing Python module 'crcmod'" from a ModuleNotFoundError, else the last line python printed. */
function failureReason(python: string, stderr: string): string {
  const missing = /No module named '([^']+)'/.exec(stderr);
  if (missing) return `${python}: missing Python module '${missing[1]}'`;
  return `${python}: ${stderr.trim().split('\n').pop()}`;
}

async function locate(): Promise<PythonSdkLookup> {
  if (!existsSync(join(SDK_ROOT, 'alibabacloud_oss_v2'))) return { ok: false, reason: `the Python SDK v2 is not at ${SDK_ROOT}` };
  const shim = join(tmpdir(), 'local-oss-python-shim');
  mkdirSync(shim, { recursive: true });
  if (existsSync(CRYPTODOME) && !existsSync(join(shim, 'Crypto'))) {
    try {
      symlinkSync(CRYPTODOME, join(shim, 'Crypto'));
    } catch {
      // another worker made it first
    }
  }
  const env = { ...process.env, PYTHONPATH: [shim, SDK_ROOT].join(':'), PYTHONDONTWRITEBYTECODE: '1' };
  let lastError = 'python3 not found';
  for (const python of CANDIDATES) {
    try {
      await run(python, ['-c', 'import requests, crcmod, Crypto.Cipher, alibabacloud_oss_v2'], { env, timeout: 30_000 });
      return { ok: true, python, env };
    } catch (err) {
      const e = err as { stderr?: string; code?: string };
      lastError = e.code === 'ENOENT' ? `${python} not found` : failureReason(python, e.stderr ?? String(err));
    }
  }
  return { ok: false, reason: `${lastError} (apt-get install -y python3-requests python3-pycryptodome python3-crcmod)` };
}

/** Finds a python3 that can import the SDK (looked up once per process). */
export function findPythonSdk(): Promise<PythonSdkLookup> {
  found ??= locate();
  return found;
}

/** undefined when the SDK can run; otherwise the reason to skip (or a thrown error under REQUIRE_PYTHON=1). */
export async function pythonOrSkipReason(): Promise<string | undefined> {
  const sdk = await findPythonSdk();
  if (sdk.ok) return undefined;
  if (process.env.REQUIRE_PYTHON === '1') throw new Error(`REQUIRE_PYTHON=1 but the Python SDK v2 cannot run: ${sdk.reason}`);
  return sdk.reason;
}

export interface PythonRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

async function sdk(): Promise<PythonSdk> {
  const s = await findPythonSdk();
  if (!s.ok) throw new Error(s.reason);
  return s;
}

function exec(python: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<PythonRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(python, args, { env, cwd: SDK_ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

export interface Credentials {
  accessKeyId: string;
  accessKeySecret: string;
}

/** Runs `sample/<name>` unchanged, with the credentials in OSS_ACCESS_KEY_ID / OSS_ACCESS_KEY_SECRET. */
export async function runPythonSample(
  name: string,
  args: string[],
  creds: Credentials & { timeoutMs?: number },
): Promise<PythonRun> {
  const { python, env } = await sdk();
  return exec(
    python,
    [join(SDK_ROOT, 'sample', name), ...args],
    { ...env, OSS_ACCESS_KEY_ID: creds.accessKeyId, OSS_ACCESS_KEY_SECRET: creds.accessKeySecret },
    creds.timeoutMs ?? 60_000,
  );
}

/** Runs an inline script with the SDK importable. */
export async function runPythonScript(code: string, extraEnv: Record<string, string> = {}, timeoutMs = 60_000): Promise<PythonRun> {
  const { python, env } = await sdk();
  return exec(python, ['-c', code], { ...env, ...extraEnv }, timeoutMs);
}

/** A runner for samples against one emulator: adds --region/--endpoint and fails loudly on a non-zero exit. */
export function sampleRunner(emu: { region: string; url: string; accessKeyId: string; accessKeySecret: string }) {
  return async (name: string, args: string[]): Promise<string> => {
    const r = await runPythonSample(name, ['--region', emu.region, '--endpoint', emu.url, ...args], emu);
    if (r.code !== 0) throw new Error(`${name} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
    return r.stdout;
  };
}
