// python-v2: the official Python SDK v2 behind adapters/python_v2_adapter.py, one process per identity, speaking
// line-delimited JSON over stdio (protocol in conformance/README.md; the process side is stdioAdapter.ts, shared
// with go-v1). The SDK is the user's own install (pythonSdk.ts); where there is none the driver is unavailable,
// saying how to get it, and the runner reports its scenarios skipped.
import { fileURLToPath } from 'node:url';
import { RAW_ONLY_PARAMS, VALID_BUCKET_NAME, type Api, type Credentials, type Params, ACCOUNT_APIS } from '../model.js';
import { findPythonSdkV2 } from '../pythonSdk.js';
import { StdioAdapterDriver, type AdapterCommand } from './stdioAdapter.js';

const ADAPTER = fileURLToPath(new URL('../../adapters/python_v2_adapter.py', import.meta.url));

export class PythonV2Driver extends StdioAdapterDriver {
  readonly name = 'python-v2';

  protected async command(): Promise<AdapterCommand> {
    const sdk = await findPythonSdkV2();
    if (!sdk.ok) return { ok: false, reason: sdk.reason };
    return { ok: true, command: sdk.python, args: [ADAPTER], env: sdk.env };
  }

  /** Another adapter process: the adapter protocol takes its key pair from the environment, once. */
  withCredentials(credentials: Credentials): PythonV2Driver {
    return new PythonV2Driver({ ...this.target, ...credentials });
  }

  cannot(api: Api, p: Params): string | undefined {
    if (api === 'PostObject') return 'the Python SDK v2 has no PostObject (a browser form; its sample/post_object.py posts with requests)';
    const raw = RAW_ONLY_PARAMS.find((k) => p[k] !== undefined);
    if (raw) return `the SDK builds the request itself (${raw})`;
    if (api.endsWith('BucketCallbackPolicy')) return 'the Python SDK v2 has no bucket callback policy call (client.py)';
    if (!ACCOUNT_APIS.includes(api) && !VALID_BUCKET_NAME.test(p.bucket)) return 'the SDK checks bucket names before sending (validation.py is_valid_bucket_name)';
    if (api === 'HeadObject' && p.imageProcess !== undefined) return 'HeadObjectRequest has no process (models/object_basic.py)';
    if (api === 'InitiateMultipartUpload' && p.sequential) return 'InitiateMultipartUploadRequest has no sequential field (models/object_basic.py)';
    return undefined;
  }
}
