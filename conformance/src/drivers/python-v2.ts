// python-v2: the official Python SDK v2 behind adapters/python_v2_adapter.py, one process per identity, speaking
// line-delimited JSON over stdio (protocol in conformance/README.md), so a Go or Java SDK can plug in the same way.
// The SDK is the user's own install (pythonSdk.ts); where there is none the driver is unavailable, saying how to
// get it, and the runner reports its scenarios skipped.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { RAW_ONLY_PARAMS, VALID_BUCKET_NAME, type Api, type Credentials, type Driver, type Outcome, type Params, type TargetInfo } from '../model.js';
import { findPythonSdkV2 } from '../pythonSdk.js';

const ADAPTER = fileURLToPath(new URL('../../adapters/python_v2_adapter.py', import.meta.url));

interface Reply {
  id: number;
  status?: number;
  code?: string | null;
  message?: string | null;
  ec?: string | null;
  requestId?: string | null;
  headers?: Record<string, string>;
  bodyBase64?: string;
  data?: Outcome['data'];
  unsupported?: string;
  clientError?: string;
}

export class PythonV2Driver implements Driver {
  readonly name = 'python-v2';
  private child?: ChildProcessWithoutNullStreams;
  private readonly waiting = new Map<number, (r: Reply) => void>();
  private nextId = 1;
  private started?: Promise<string | undefined>;

  constructor(private readonly target: TargetInfo) {}

  unavailable(): Promise<string | undefined> {
    this.started ??= this.start();
    return this.started;
  }

  /** Another adapter process: the adapter protocol takes its key pair from the environment, once. */
  withCredentials(credentials: Credentials): PythonV2Driver {
    return new PythonV2Driver({ ...this.target, ...credentials });
  }

  private async start(): Promise<string | undefined> {
    const sdk = await findPythonSdkV2();
    if (!sdk.ok) return sdk.reason;
    const child = spawn(sdk.python, [ADAPTER], {
      env: {
        ...sdk.env,
        OSS_ENDPOINT: this.target.endpoint,
        OSS_REGION: this.target.region,
        OSS_REGION_2: this.target.secondRegion ?? '',
        OSS_ENDPOINT_2: this.target.secondEndpoint ?? '',
        OSS_ACCESS_KEY_ID: this.target.accessKeyId,
        OSS_ACCESS_KEY_SECRET: this.target.accessKeySecret,
      },
    });
    this.child = child;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    return new Promise((resolveStart) => {
      const lines = createInterface({ input: child.stdout });
      let ready = false;
      lines.on('line', (line) => {
        const msg = JSON.parse(line) as Reply & { ready?: boolean };
        if (msg.ready) {
          ready = true;
          resolveStart(undefined);
          return;
        }
        this.waiting.get(msg.id)?.(msg);
        this.waiting.delete(msg.id);
      });
      child.on('error', (err) => resolveStart(`cannot run ${sdk.python}: ${err.message}`));
      child.on('exit', (code) => {
        if (!ready) resolveStart(`the Python adapter exited (${code}): ${stderr.trim().split('\n').pop()}`);
        for (const [id, reply] of this.waiting) reply({ id, clientError: `adapter exited: ${stderr}` });
        this.waiting.clear();
      });
    });
  }

  cannot(_api: Api, p: Params): string | undefined {
    const raw = RAW_ONLY_PARAMS.find((k) => p[k] !== undefined);
    if (raw) return `the SDK builds the request itself (${raw})`;
    if (!VALID_BUCKET_NAME.test(p.bucket)) return 'the SDK checks bucket names before sending (validation.py is_valid_bucket_name)';
    return undefined;
  }

  async call(api: Api, p: Params): Promise<Outcome> {
    const id = this.nextId++;
    // Bodies travel base64-encoded: JSON strings cannot carry arbitrary bytes.
    const { body, ...rest } = p;
    const params = body === undefined ? rest : { ...rest, bodyBase64: Buffer.from(body).toString('base64') };
    const reply = await new Promise<Reply>((resolveReply) => {
      this.waiting.set(id, resolveReply);
      this.child!.stdin.write(JSON.stringify({ id, api, params }) + '\n');
    });
    if (reply.unsupported) throw new Error(reply.unsupported);
    if (reply.clientError) throw new Error(`python-v2 client error: ${reply.clientError}`);
    return {
      status: reply.status ?? 0,
      code: reply.code ?? undefined,
      message: reply.message ?? undefined,
      ec: reply.ec ?? undefined,
      requestId: reply.requestId ?? undefined,
      headers: reply.headers ?? {},
      body: reply.bodyBase64 !== undefined ? Buffer.from(reply.bodyBase64, 'base64') : undefined,
      // JSON null is the adapter's None: absent, as the other drivers report it.
      data: reply.data === undefined ? undefined : (JSON.parse(JSON.stringify(reply.data), (_k, x) => (x === null ? undefined : x)) as Outcome['data']),
    };
  }

  async close(): Promise<void> {
    this.child?.stdin.end();
    this.child?.kill();
  }
}
