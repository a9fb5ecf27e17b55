// Finding the user's Python SDK v2 (pythonSdk.ts), against stand-ins: a folder holding an empty alibabacloud_oss_v2
// package, named by LOCAL_OSS_PY2_SDK or put on PYTHONPATH, so that every way of having (or lacking) the SDK is
// exercised on any machine, whether the real SDK is installed there or not.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { locatePythonSdkV2, type PythonSdkV2Lookup } from '@local-oss/conformance';
import { DEBIAN_PYTHON, debianPythonOrSkipReason } from '../../test-support/python.js';

const pythonSkipReason = await debianPythonOrSkipReason();
if (pythonSkipReason) console.warn(`skipping the Python SDK v2 lookup tests that run python: ${pythonSkipReason}`);

const dir = mkdtempSync(join(tmpdir(), 'local-oss-py2-lookup-'));
const standIn = join(dir, 'checkout');
mkdirSync(join(standIn, 'alibabacloud_oss_v2'), { recursive: true });
writeFileSync(join(standIn, 'alibabacloud_oss_v2', '__init__.py'), '');
mkdirSync(join(dir, 'empty'));
// Debian's python3 without its site packages: neither the SDK nor its dependencies, whatever this machine has.
const bare = join(dir, 'bare-python3');
writeFileSync(bare, `#!/bin/sh\nexec ${DEBIAN_PYTHON} -S "$@"\n`);
chmodSync(bare, 0o755);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = (vars: Record<string, string>) => ({ PATH: process.env.PATH, ...vars });

/** Where the found python imports the package from, and that the SDK's `Crypto` import works in that environment. */
function importedFrom(found: PythonSdkV2Lookup): string {
  if (!found.ok) throw new Error(found.reason);
  return execFileSync(found.python, ['-c', 'import alibabacloud_oss_v2, Crypto.Cipher; print(alibabacloud_oss_v2.__file__)'], { env: found.env }).toString().trim();
}

describe('locating the Python SDK v2', () => {
  it.skipIf(pythonSkipReason !== undefined)('uses the checkout LOCAL_OSS_PY2_SDK names, with its samples, on Debian python3 (Cryptodome as Crypto)', async () => {
    const found = await locatePythonSdkV2(env({ LOCAL_OSS_PY2_SDK: standIn, PYTHON: DEBIAN_PYTHON }));
    expect(found).toMatchObject({ ok: true, python: DEBIAN_PYTHON, checkout: standIn });
    expect(importedFrom(found)).toBe(join(standIn, 'alibabacloud_oss_v2', '__init__.py'));
  });

  it.skipIf(pythonSkipReason !== undefined)('finds an installed (importable) package, which has no samples', async () => {
    const found = await locatePythonSdkV2(env({ PYTHONPATH: standIn }));
    expect(found).toMatchObject({ ok: true, checkout: undefined });
    expect(importedFrom(found)).toBe(join(standIn, 'alibabacloud_oss_v2', '__init__.py'));
  });

  it('refuses a LOCAL_OSS_PY2_SDK folder without the package, saying how to get the SDK', async () => {
    const found = await locatePythonSdkV2(env({ LOCAL_OSS_PY2_SDK: join(dir, 'empty') }));
    expect(found.ok).toBe(false);
    if (!found.ok) {
      expect(found.reason).toContain(`LOCAL_OSS_PY2_SDK=${join(dir, 'empty')} is not a checkout of alibabacloud-oss-python-sdk-v2`);
      expect(found.reason).toContain('pip install alibabacloud-oss-v2, or LOCAL_OSS_PY2_SDK=/path/to/alibabacloud-oss-python-sdk-v2 checkout');
    }
  });

  it.skipIf(pythonSkipReason !== undefined)('where it is not installed, says so and names both ways to get it', async () => {
    const found = await locatePythonSdkV2(env({ PYTHON: bare }));
    expect(found).toEqual({
      ok: false,
      reason: `the Python SDK v2 (alibabacloud_oss_v2) is not installed for ${bare} (to run it: pip install alibabacloud-oss-v2, or LOCAL_OSS_PY2_SDK=/path/to/alibabacloud-oss-python-sdk-v2 checkout)`,
    });
  });

  it.skipIf(pythonSkipReason !== undefined)('names a missing dependency of a checkout rather than calling the SDK absent', async () => {
    const found = await locatePythonSdkV2(env({ LOCAL_OSS_PY2_SDK: standIn, PYTHON: bare }));
    expect(found.ok).toBe(false);
    if (!found.ok) expect(found.reason).toMatch(new RegExp(`^LOCAL_OSS_PY2_SDK=${standIn} cannot run: ${bare} lacks the module 'requests' \\(pip install alibabacloud-oss-v2 brings its dependencies; Debian has python3-requests`));
  });
});
