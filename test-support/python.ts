// Python for tests. The official Python SDK v2 is the user's own (conformance/src/pythonSdk.ts finds it): tests that
// need it skip with a printed reason naming how to install it, and fail instead under REQUIRE_PY2_SDK=1. Its sample
// scripts exist only in a source checkout (LOCAL_OSS_PY2_SDK). REQUIRE_PYTHON=1 (.ci/run) is about Debian's python3
// with python3-requests, python3-pycryptodome and python3-crcmod, which CI installs: tests that need only that fail
// rather than skip when it is broken.
import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findPythonSdkV2, PY2_SDK_ENV, type PythonSdkV2 } from '@local-oss/conformance';

const run = promisify(execFile);
export const DEBIAN_PYTHON = '/usr/bin/python3';

/** undefined when Debian's python3 imports requests, crcmod and Cryptodome; else why not (thrown under REQUIRE_PYTHON=1). */
export async function debianPythonOrSkipReason(): Promise<string | undefined> {
  let reason: string | undefined;
  try {
    await run(DEBIAN_PYTHON, ['-c', 'import requests, crcmod, Cryptodome'], { timeout: 30_000 });
  } catch (err) {
    const e = err as { code?: string; stderr?: string };
    const missing = /No module named '([^']+)'/.exec(e.stderr ?? '')?.[1];
    reason = e.code === 'ENOENT' ? `${DEBIAN_PYTHON} not found` : missing ? `${DEBIAN_PYTHON} lacks the module '${missing}'` : `${DEBIAN_PYTHON}: ${String(err)}`;
    reason += ' (apt-get install -y python3-requests python3-pycryptodome python3-crcmod)';
  }
  if (reason && process.env.REQUIRE_PYTHON === '1') throw new Error(`REQUIRE_PYTHON=1 but ${reason}`);
  return reason;
}

const SAMPLES_NEED_CHECKOUT = `the SDK's sample scripts are only in a source checkout (to run them: ${PY2_SDK_ENV}=/path/to/alibabacloud-oss-python-sdk-v2 checkout)`;

/**
 * undefined when the SDK can run (with `samples`: and its sample scripts are there); otherwise the reason to skip,
 * thrown under REQUIRE_PY2_SDK=1.
 */
export async function pythonSdkV2OrSkipReason(opts: { samples?: boolean } = {}): Promise<string | undefined> {
  const sdk = await findPythonSdkV2();
  const reason = !sdk.ok ? sdk.reason : opts.samples && sdk.checkout === undefined ? SAMPLES_NEED_CHECKOUT : undefined;
  if (reason && process.env.REQUIRE_PY2_SDK === '1') throw new Error(`REQUIRE_PY2_SDK=1 but ${reason}`);
  return reason;
}

export interface PythonRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

async function sdk(): Promise<PythonSdkV2> {
  const s = await findPythonSdkV2();
  if (!s.ok) throw new Error(s.reason);
  return s;
}

function exec(python: string, args: string[], env: NodeJS.ProcessEnv, cwd: string | undefined, timeoutMs: number): Promise<PythonRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(python, args, { env, cwd });
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

/** Runs the checkout's `sample/<name>` unchanged, with the credentials in OSS_ACCESS_KEY_ID / OSS_ACCESS_KEY_SECRET. */
export async function runPythonSample(
  name: string,
  args: string[],
  creds: Credentials & { timeoutMs?: number },
): Promise<PythonRun> {
  const { python, env, checkout } = await sdk();
  if (checkout === undefined) throw new Error(SAMPLES_NEED_CHECKOUT);
  return exec(
    python,
    [join(checkout, 'sample', name), ...args],
    { ...env, OSS_ACCESS_KEY_ID: creds.accessKeyId, OSS_ACCESS_KEY_SECRET: creds.accessKeySecret },
    checkout,
    creds.timeoutMs ?? 60_000,
  );
}

/** Runs an inline script with the SDK importable. */
export async function runPythonScript(code: string, extraEnv: Record<string, string> = {}, timeoutMs = 60_000): Promise<PythonRun> {
  const { python, env } = await sdk();
  return exec(python, ['-c', code], { ...env, ...extraEnv }, undefined, timeoutMs);
}

/** A runner for samples against one emulator: adds --region/--endpoint and fails loudly on a non-zero exit. */
export function sampleRunner(emu: { region: string; url: string; accessKeyId: string; accessKeySecret: string }) {
  return async (name: string, args: string[]): Promise<string> => {
    const r = await runPythonSample(name, ['--region', emu.region, '--endpoint', emu.url, ...args], emu);
    if (r.code !== 0) throw new Error(`${name} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
    return r.stdout;
  };
}
