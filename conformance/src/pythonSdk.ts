// Where the official Python SDK v2 (alibabacloud_oss_v2) comes from: the user's own install, never this repository.
// No registry our CI machines reach carries it, so everything that needs it skips where it is absent, saying how to
// get it: importable by python3 (`pip install alibabacloud-oss-v2`), or a source checkout named by
// LOCAL_OSS_PY2_SDK — the only form that has the SDK's `sample/*.py` scripts.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const PY2_SDK_ENV = 'LOCAL_OSS_PY2_SDK';
export const PY2_SDK_HOW = `pip install alibabacloud-oss-v2, or ${PY2_SDK_ENV}=/path/to/alibabacloud-oss-python-sdk-v2 checkout`;

export interface PythonSdkV2 {
  python: string;
  /** The environment to run it with: PYTHONPATH carries the checkout and, where needed, the Crypto shim. */
  env: NodeJS.ProcessEnv;
  /** The source checkout named by LOCAL_OSS_PY2_SDK; undefined for an installed package, which has no samples. */
  checkout?: string;
}

export type PythonSdkV2Lookup = ({ ok: true } & PythonSdkV2) | { ok: false; reason: string };

// What the SDK imports lazily is imported here too, so that a missing dependency shows now, not mid-run.
const PROBE = 'import alibabacloud_oss_v2, requests, crcmod, Crypto.Cipher';

/** absent: no such python, or it has no alibabacloud_oss_v2 (as opposed to a dependency missing or an error). */
type Probe = { ok: true } | { ok: false; absent: boolean; missing?: string; why: string };

async function probe(python: string, env: NodeJS.ProcessEnv): Promise<Probe> {
  try {
    await run(python, ['-c', PROBE], { env, timeout: 30_000 });
    return { ok: true };
  } catch (err) {
    const e = err as { code?: string; stderr?: string };
    if (e.code === 'ENOENT') return { ok: false, absent: true, why: `${python} not found` };
    const stderr = e.stderr ?? String(err);
    const missing = /No module named '([^'.]+)/.exec(stderr)?.[1];
    return { ok: false, absent: missing === 'alibabacloud_oss_v2', missing, why: missing ? `${python} lacks the module '${missing}'` : `${python}: ${stderr.trim().split('\n').pop()}` };
  }
}

/**
 * Debian packages pycryptodome as `Cryptodome`, the SDK imports `Crypto`: a folder holding only a `Crypto` link to
 * this python's Cryptodome, for PYTHONPATH. Undefined when this python has no Cryptodome either.
 */
async function cryptoShim(python: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  let dome: string;
  try {
    dome = (await run(python, ['-c', 'import Cryptodome; print(Cryptodome.__path__[0])'], { env, timeout: 30_000 })).stdout.trim();
  } catch {
    return undefined;
  }
  const shim = join(tmpdir(), 'local-oss-python-shim');
  mkdirSync(shim, { recursive: true });
  try {
    symlinkSync(dome, join(shim, 'Crypto'));
  } catch {
    // there already, from an earlier lookup or another worker
  }
  return shim;
}

const pythonPath = (...dirs: (string | undefined)[]) => dirs.filter(Boolean).join(':');

/** PYTHON when set, else the python3 on PATH (a venv's pip install), then Debian's (its python3-* packages). */
function candidates(env: NodeJS.ProcessEnv): string[] {
  return env.PYTHON ? [env.PYTHON] : ['python3', '/usr/bin/python3'];
}

const DEPENDENCIES = 'pip install alibabacloud-oss-v2 brings its dependencies; Debian has python3-requests python3-pycryptodome python3-crcmod';

/** Looks for a python3 that can run the SDK, as `env` (default: this process's environment) describes it. */
export async function locatePythonSdkV2(env: NodeJS.ProcessEnv = process.env): Promise<PythonSdkV2Lookup> {
  const named = env[PY2_SDK_ENV];
  const checkout = named ? resolve(named) : undefined;
  if (checkout && !existsSync(join(checkout, 'alibabacloud_oss_v2'))) {
    return { ok: false, reason: `${PY2_SDK_ENV}=${named} is not a checkout of alibabacloud-oss-python-sdk-v2: it has no alibabacloud_oss_v2 folder (to run the SDK: ${PY2_SDK_HOW})` };
  }
  const failures: Extract<Probe, { ok: false }>[] = [];
  for (const python of candidates(env)) {
    const plain = { ...env, PYTHONPATH: pythonPath(checkout, env.PYTHONPATH), PYTHONDONTWRITEBYTECODE: '1' };
    let result = await probe(python, plain);
    if (result.ok) return { ok: true, python, env: plain, checkout };
    const shim = result.missing === 'Crypto' ? await cryptoShim(python, plain) : undefined;
    if (shim) {
      const shimmed = { ...plain, PYTHONPATH: pythonPath(shim, plain.PYTHONPATH) };
      result = await probe(python, shimmed);
      if (result.ok) return { ok: true, python, env: shimmed, checkout };
    }
    failures.push(result);
  }
  const tried = candidates(env).join(' or ');
  if (!checkout && failures.every((f) => f.absent)) {
    return { ok: false, reason: `the Python SDK v2 (alibabacloud_oss_v2) is not installed for ${tried} (to run it: ${PY2_SDK_HOW})` };
  }
  const subject = checkout ? `${PY2_SDK_ENV}=${named}` : 'the Python SDK v2';
  return { ok: false, reason: `${subject} cannot run: ${failures.map((f) => f.why).join('; ')} (${DEPENDENCIES})` };
}

let found: Promise<PythonSdkV2Lookup> | undefined;

/** locatePythonSdkV2 for this process's environment, looked up once. */
export function findPythonSdkV2(): Promise<PythonSdkV2Lookup> {
  found ??= locatePythonSdkV2();
  return found;
}
