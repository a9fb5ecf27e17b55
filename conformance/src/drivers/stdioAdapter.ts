// The TypeScript side of an adapter process: an SDK in another language behind a program that speaks the suite's
// line-delimited JSON over stdio (protocol in conformance/README.md). One process per identity: the adapter reads
// its key pair from the environment once, at start. python-v2 and go-v1 are this class with another command line.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Api, Credentials, Driver, Outcome, Params, TargetInfo } from '../model.js';

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

/** How to start the adapter, or why it cannot run here (its runtime or SDK is missing). */
export type AdapterCommand = { ok: true; command: string; args: string[]; env: NodeJS.ProcessEnv } | { ok: false; reason: string };

export abstract class StdioAdapterDriver implements Driver {
  abstract readonly name: string;
  private child?: ChildProcessWithoutNullStreams;
  private readonly waiting = new Map<number, (r: Reply) => void>();
  private nextId = 1;
  private started?: Promise<string | undefined>;

  constructor(protected readonly target: TargetInfo) {}

  /** The adapter's command line; looked up (and, for a compiled adapter, built) once per driver. */
  protected abstract command(): Promise<AdapterCommand>;
  abstract cannot(api: Api, params: Params): string | undefined;
  /** The same adapter signing as another identity: another process. */
  abstract withCredentials(credentials: Credentials): Driver;

  unavailable(): Promise<string | undefined> {
    this.started ??= this.start();
    return this.started;
  }

  private async start(): Promise<string | undefined> {
    const cmd = await this.command();
    if (!cmd.ok) return cmd.reason;
    const child = spawn(cmd.command, cmd.args, {
      env: {
        ...cmd.env,
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
      child.on('error', (err) => resolveStart(`cannot run ${cmd.command}: ${err.message}`));
      child.on('exit', (code) => {
        if (!ready) resolveStart(`the ${this.name} adapter exited (${code}): ${stderr.trim().split('\n').pop()}`);
        for (const [id, reply] of this.waiting) reply({ id, clientError: `adapter exited: ${stderr}` });
        this.waiting.clear();
      });
    });
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
    if (reply.clientError) throw new Error(`${this.name} client error: ${reply.clientError}`);
    return {
      status: reply.status ?? 0,
      code: reply.code ?? undefined,
      message: reply.message ?? undefined,
      ec: reply.ec ?? undefined,
      requestId: reply.requestId ?? undefined,
      headers: reply.headers ?? {},
      body: reply.bodyBase64 !== undefined ? Buffer.from(reply.bodyBase64, 'base64') : undefined,
      // JSON null is the adapter's None / nil: absent, as the other drivers report it.
      data: reply.data === undefined ? undefined : (JSON.parse(JSON.stringify(reply.data), (_k, x) => (x === null ? undefined : x)) as Outcome['data']),
    };
  }

  async close(): Promise<void> {
    this.child?.stdin.end();
    this.child?.kill();
  }
}
