// startEmulator(): the in-process API (tests, the CLI and the testcontainers module all start the emulator here).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tlsMaterial, type TlsMaterial } from './tls.js';
import { seedFrom, type SeedSummary } from './seed.js';
import { Store } from './store/store.js';
import { StartupError } from './store/startupError.js';
import { createAdmin, createApp } from './app.js';
import { startLifecycleTimer } from './api/lifecycle.js';
import { startReplicationTimer } from './api/replicationRun.js';
import { startInventoryTimer } from './api/inventoryReport.js';
import { OssClient } from '@local-oss/client';

/** Access logs are flushed once a minute by default (OSS: hourly; a test flushes with POST /-/logging/flush). */
export const DEFAULT_LOGGING_INTERVAL = 60;

/** Lifecycle rules run once a minute by default: rules count whole days, so this only bounds how late a clock move shows. */
export const DEFAULT_LIFECYCLE_INTERVAL = 60;
/** Replication runs as often as lifecycle by default (a test runs it with POST /-/replication/run). */
export const DEFAULT_REPLICATION_INTERVAL = 60;
/** How often the inventories' Daily/Weekly schedules are checked (a test writes reports with POST /-/inventory/run). */
export const DEFAULT_INVENTORY_INTERVAL = 60;
import type { Admin } from './admin/admin.js';
import { malformedHttpAnswer } from './http/errors.js';
import type { EmulatorConfig } from './http/state.js';
import type { WormCopyRule } from './domain/worm.js';
import { loadConfigFile, type IdentitiesConfig } from './domain/identities.js';
import { OWNER } from './domain/owner.js';
import { Clock } from './domain/clock.js';
import { DEFAULT_RESTORE_DELAYS, type RestoreDelays } from './domain/restore.js';

/** The key pair a fresh emulator accepts when none is configured; printed at start so users can copy it. */
export const DEFAULT_CREDENTIALS = {
  accessKeyId: 'local-oss-access-key-id',
  accessKeySecret: 'local-oss-access-key-secret',
} as const;
export const DEFAULT_REGION = 'cn-hangzhou';
export const DEFAULT_PORT = 9500;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_DIR = './.local-oss';

export interface EmulatorOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Where the SQLite file lives (default ./.local-oss); ignored with inMemory. */
  dataDir?: string;
  inMemory?: boolean;
  /** Default region, bare id (cn-hangzhou). */
  region?: string;
  /** Further regions served by this process (the default region is always one). */
  regions?: string[];
  accessKeyId?: string;
  accessKeySecret?: string;
  /** CopyObject and WORM buckets: 'documented' (default) or 'protected-only' (behaviour §6.2 [U]). */
  wormCopyRule?: WormCopyRule;
  /** Seconds a RestoreObject takes, per tier (domain/restore.ts DEFAULT_RESTORE_DELAYS by default). */
  restoreDelays?: Partial<RestoreDelays>;
  /**
   * Whether a bucket created through the API starts with Block Public Access on (default true, as OSS since
   * 2025-10-13; behaviour §14.15). false: as buckets created before then, public ACLs and policies allowed.
   */
  blockPublicAccessOnNewBuckets?: boolean;
  /** Seconds the emulator's clock runs ahead of (or, negative, behind) real time (domain/clock.ts). */
  clockOffsetSeconds?: number;
  /**
   * RAM users, STS credentials and KMS keys (docs/permissions.md): a parsed config, or the path of a .json/.yaml
   * file. Without one the owner's key pair is the only identity and may do everything.
   */
  config?: IdentitiesConfig | string;
  /**
   * What ListBuckets and GetBucketInfo report as ExtranetEndpoint and IntranetEndpoint, e.g.
   * `http://oss.example.test:9500`; by default the scheme and host each request came on (api/endpoints.ts).
   */
  publicEndpoint?: string;
  /** Also serve HTTPS on this port (0 = a free one); undefined = HTTP only (tls.ts). */
  httpsPort?: number;
  /** PEM files of the HTTPS certificate and key; without them a local CA in `<dataDir>/tls` signs one. */
  tlsCert?: string;
  tlsKey?: string;
  /** A folder of buckets (sub-folders) and objects (their files) written at start, never overwriting (seed.ts). */
  seed?: string;
  /** Seconds between periodic lifecycle runs (api/lifecycle.ts); 0 turns them off. Default 60. */
  lifecycleIntervalSeconds?: number;
  /** Seconds between periodic replication runs (api/replicationRun.ts); 0 turns them off. Default 60. */
  replicationIntervalSeconds?: number;
  /** Seconds between checks for due inventory reports (api/inventoryReport.ts); 0 turns them off. Default 60. */
  inventoryIntervalSeconds?: number;
  /** Seconds between access-log flushes (api/accessLog.ts); 0 turns them off. Default 60. */
  loggingIntervalSeconds?: number;
}

export interface RunningEmulator {
  url: string;
  host: string;
  port: number;
  region: string;
  regions: string[];
  accessKeyId: string;
  accessKeySecret: string;
  /** undefined when in memory */
  dataDir?: string;
  /** With httpsPort: the HTTPS address, its port, and the local CA's certificate to trust (none with --tls-cert). */
  httpsUrl?: string;
  httpsPort?: number;
  caCertPath?: string;
  /** What --seed wrote. */
  seeded?: SeedSummary;
  store: Store;
  /** Fault rules and the request log, the in-process face of the admin API (/-/faults, /-/requests). */
  admin: Admin;
  close(): Promise<void>;
}

/** RFC 9110 §5.6.2 token (header names) and §5.5 field-value octets (HTAB, SP–~, obs-text 0x80–0xFF). */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * OSS accepts a request carrying both `Content-Length` and `Transfer-Encoding: chunked` (ali-oss `put()` of a read
 * stream with a `Content-Length` header, its live test "should add object with readstream"; sdk-suites-2026-12-01.md),
 * and reads the chunked body. Node's strict parser refuses it (HPE_INVALID_TRANSFER_ENCODING) and offers no switch
 * for this rule alone, only `insecureHTTPParser`, which also lets through header bytes and framing it would refuse.
 * This puts back, per request, the checks that matter once the head is parsed: header names are tokens, values
 * hold no control characters (they would otherwise reach stored metadata and fail when echoed back), and a
 * Transfer-Encoding must end in `chunked` (RFC 9112 §6.3: otherwise the request length cannot be determined).
 * With both headers the chunked framing wins and Content-Length is ignored (RFC 9112 §6.1), so the body read is
 * exactly what was framed. Lenient parsing still accepts bare-LF line ends and loose chunk-extension spacing:
 * harmless here, since local-oss talks to SDKs directly and no proxy in front of it frames requests differently.
 */
function strictAgain(req: IncomingMessage): boolean {
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    if (!TOKEN.test(raw[i]!) || !FIELD_VALUE.test(raw[i + 1]!)) return false;
  }
  const te = req.headers['transfer-encoding'];
  return te === undefined || /(^|,)\s*chunked\s*$/i.test(te);
}

/** Strips the `oss-` prefix some users and ali-oss write regions with (behaviour §8.4). */
export function bareRegion(region: string): string {
  return region.replace(/^oss-/, '');
}

/**
 * The absolute-form request target a client sends through an HTTP proxy (`PUT http://b.oss-cn-shanghai.aliyuncs.com/k`,
 * RFC 9112 §3.2.2: a server must accept it) becomes the origin form the app reads; the Host header names the same
 * authority. So a client whose endpoint is a public OSS name reaches the emulator with HTTP_PROXY pointing at it
 * (oss2 tests/test_multipart.py::test_multipart_sequential hard-codes oss-cn-shanghai.aliyuncs.com).
 */
export function originForm(url: string | undefined): string | undefined {
  if (url === undefined || !/^https?:\/\//i.test(url)) return url;
  const rest = url.replace(/^https?:\/\/[^/?#]*/i, '');
  return rest.startsWith('/') ? rest : `/${rest}`;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? DEFAULT_HOST;
  const region = bareRegion(options.region ?? DEFAULT_REGION);
  const regions = [...new Set([region, ...(options.regions ?? []).map(bareRegion)])];
  const accessKeyId = options.accessKeyId ?? DEFAULT_CREDENTIALS.accessKeyId;
  const accessKeySecret = options.accessKeySecret ?? DEFAULT_CREDENTIALS.accessKeySecret;
  const dataDir = options.inMemory ? undefined : (options.dataDir ?? DEFAULT_DATA_DIR);
  const identities = typeof options.config === 'string' ? loadConfigFile(options.config) : options.config;
  if (identities && [...identities.users, ...identities.sts].some((i) => i.accessKeyId === accessKeyId)) {
    throw new Error(`the config gives the owner's access key id ${accessKeyId} to a RAM user or STS credential`);
  }
  const config: EmulatorConfig = {
    region,
    regions,
    credentials: new Map([[accessKeyId, accessKeySecret]]),
    identities: new Map([...(identities?.users ?? []), ...(identities?.sts ?? [])].map((i) => [i.accessKeyId, i])),
    accountId: identities?.accountId ?? OWNER.ID,
    kmsKeysDeclared: (identities?.kms.keys.length ?? 0) > 0,
    wormCopyRule: options.wormCopyRule ?? 'documented',
    restoreDelays: { ...DEFAULT_RESTORE_DELAYS, ...options.restoreDelays },
    blockPublicAccessOnNewBuckets: options.blockPublicAccessOnNewBuckets ?? true,
    clock: new Clock(options.clockOffsetSeconds ?? 0),
    ...(options.publicEndpoint ? { publicEndpoint: options.publicEndpoint } : {}),
  };

  const store = Store.open(dataDir);
  // Declared keys keep their master key across restarts; only their state follows the file.
  for (const key of identities?.kms.keys ?? []) store.kms.declare(key.keyId, { enabled: key.enabled });
  const admin = createAdmin();
  const app = createApp({ store, config }, admin);
  const handle = app.callback();
  // Large uploads may take longer than Node's default 5-minute request timeout; headers must still come quickly.
  // The header section is capped at 16 KiB whatever --max-http-header-size says: 8 KiB of user metadata plus
  // signing headers fit; OSS documents no limit of its own, so the 431 beyond it is [I].
  // insecureHTTPParser: see strictAgain() below.
  const serverOptions = { requestTimeout: 0, headersTimeout: 60_000, keepAliveTimeout: 65_000, maxHeaderSize: 16 * 1024, insecureHTTPParser: true };
  const onRequest = (req: IncomingMessage, res: import('node:http').ServerResponse) => {
    req.url = originForm(req.url);
    if (strictAgain(req)) return handle(req, res);
    // What the strict parser would have refused: the same 400 the clientError handler answers, then close.
    res.socket?.end(malformedHttpAnswer(false));
  };
  const server: Server = createServer(serverOptions, onRequest);
  // --- HTTPS (issue 23 item 2): the same app over TLS beside HTTP ---
  let tls: TlsMaterial | undefined;
  let httpsServer: Server | undefined;
  if (options.httpsPort !== undefined) {
    try {
      tls = tlsMaterial({ dataDir, regions, certFile: options.tlsCert, keyFile: options.tlsKey });
    } catch (err) {
      store.close();
      throw err;
    }
    httpsServer = createHttpsServer({ ...serverOptions, cert: tls.cert, key: tls.key }, onRequest);
    // A failed handshake (a client that does not trust the CA, plain HTTP on the TLS port) only costs its socket.
    httpsServer.on('tlsClientError', (_err, socket) => socket.destroy());
  }
  // --- end HTTPS ---
  for (const s of [server, httpsServer]) {
    s?.on('clientError', (err: NodeJS.ErrnoException, socket) => {
      // Unparseable HTTP never reaches Koa: answer an OSS-style 400 (431 for oversized headers), and keep serving.
      if (!socket.writable) return socket.destroy();
      socket.end(malformedHttpAnswer(err.code === 'HPE_HEADER_OVERFLOW'));
    });
  }
  const listen = (s: Server, port: number) =>
    new Promise<void>((resolve, reject) => {
      // One line naming the port, the cause and what to do (issue 26 item 3).
      s.once('error', (err: NodeJS.ErrnoException) => {
        const flag = s === server ? '--port' : '--https-port';
        const what =
          err.code === 'EADDRINUSE' ? 'is in use by another program' :
          err.code === 'EACCES' ? 'may not be used by this user' :
          err.code === 'EADDRNOTAVAIL' ? 'names an address this machine does not have' : `cannot be listened on`;
        reject(new StartupError(`port ${port} on ${host} ${what} (${err.code ?? err.message}): stop what holds it, or choose another ${flag} (0 = any free port)`));
      });
      s.listen(port, host, () => {
        s.off('error', reject);
        resolve();
      });
    });
  try {
    await listen(server, options.port ?? DEFAULT_PORT);
    if (httpsServer) await listen(httpsServer, options.httpsPort!);
  } catch (err) {
    server.close();
    store.close();
    if (tls?.temporary) rmSync(tls.dir!, { recursive: true, force: true });
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const httpsPort = httpsServer ? (httpsServer.address() as AddressInfo).port : undefined;
  let closing: Promise<void> | undefined;
  const stopLifecycle = startLifecycleTimer(store, () => config.clock.now(), options.lifecycleIntervalSeconds ?? DEFAULT_LIFECYCLE_INTERVAL);
  const stopReplication = startReplicationTimer(
    store,
    () => ({ now: config.clock.now(), kmsKeysDeclared: config.kmsKeysDeclared }),
    options.replicationIntervalSeconds ?? DEFAULT_REPLICATION_INTERVAL,
  );
  const stopInventory = startInventoryTimer(
    store,
    () => ({ now: config.clock.now(), kmsKeysDeclared: config.kmsKeysDeclared }),
    options.inventoryIntervalSeconds ?? DEFAULT_INVENTORY_INTERVAL,
  );
  const running: RunningEmulator = {
    url: `http://${urlHost}:${port}`,
    ...(httpsPort !== undefined ? { httpsUrl: `https://${urlHost}:${httpsPort}`, httpsPort } : {}),
    ...(tls?.caPath ? { caCertPath: tls.caPath } : {}),
    host,
    port,
    region,
    regions,
    accessKeyId,
    accessKeySecret,
    dataDir,
    store,
    admin,
    close() {
      stopLifecycle();
      stopReplication();
      stopInventory();
      closing ??= Promise.all(
        [server, httpsServer].filter((s): s is Server => s !== undefined).map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              s.closeIdleConnections();
              // In-flight requests get a moment to finish; then their sockets go.
              setTimeout(() => s.closeAllConnections(), 1000).unref();
            }),
        ),
      ).then(() => {
        store.close();
        // An in-memory emulator's CA lived in a temp dir of its own: it goes with the run.
        if (tls?.temporary) rmSync(tls.dir!, { recursive: true, force: true });
      });
      return closing;
    },
  };
  // --- access logs: written by PutObject to this emulator itself, so they land like any write (api/accessLog.ts) ---
  {
    const local = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : urlHost;
    const writerClient = new OssClient({
      endpoint: `http://${local}:${port}`,
      region,
      credentials: { accessKeyId, accessKeySecret },
    });
    admin.accessLog.writer = async (bucket, key, body) => {
      await writerClient.putObject({ bucket, key, body });
    };
    const every = options.loggingIntervalSeconds ?? DEFAULT_LOGGING_INTERVAL;
    if (every > 0) {
      const timer = setInterval(() => void admin.accessLog.flush(store, config.clock.now()).catch(() => {}), every * 1000);
      timer.unref();
      const close = running.close.bind(running);
      running.close = () => {
        clearInterval(timer);
        return close();
      };
    }
  }
  // --- seed data (issue 23 item 4): written through this emulator's own HTTP pipeline, before anyone is told ---
  if (options.seed !== undefined) {
    const local = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : urlHost;
    try {
      running.seeded = await seedFrom(options.seed, { ...running, url: `http://${local}:${port}` });
    } catch (err) {
      await running.close();
      throw err;
    }
    admin.requests.clear(); // the log starts with the users' requests, not the seed's
  }
  // --- end seed data ---
  return running;
}
