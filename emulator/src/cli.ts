#!/usr/bin/env node
// `local-oss` command (architecture "Contracts → CLI"): flags, each also as LOCAL_OSS_<NAME>; one ready line.
import { parseRestoreDelays, type RestoreDelays } from './domain/restore.js';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { checkDataDir, formatReport, type CheckReport } from './store/check.js';
import { DEFAULT_DATA_DIR, DEFAULT_HOST, DEFAULT_PORT, DEFAULT_REGION, startEmulator, DEFAULT_CREDENTIALS } from './server.js';

const USAGE = `usage: local-oss [--host ${DEFAULT_HOST}] [--port ${DEFAULT_PORT} (0 = any free port)]
                 [--data ${DEFAULT_DATA_DIR} | --in-memory] [--region ${DEFAULT_REGION}]
                 [--access-key-id ID --access-key-secret SECRET] [--regions r1,r2]
                 [--worm-copy-rule documented|protected-only] [--config identities.yaml|.json]
                 [--public-endpoint http://host:port (reported as buckets' Extranet/IntranetEndpoint)]
                 [--https-port N (0 = any free port) [--tls-cert cert.pem --tls-key key.pem]]
                 [--seed DIR (sub-folders are buckets, their files objects; existing objects are kept)]
                 [--clock-offset SECONDS (the emulator's clock ahead of real time; PUT /-/clock changes it)]
                 [--restore-delay SECONDS | archive=10,Expedited=5,Standard=10,Bulk=30 (RestoreObject's duration)]
                 [--lifecycle-interval SECONDS (between lifecycle runs, default 60; 0: only POST /-/lifecycle/run)]
                 [--logging-interval SECONDS (between access-log flushes, default 60; 0: only POST /-/logging/flush)]
                 [--new-bucket-block-public-access on|off (default on, as OSS since 2025-10-13; off: public ACLs allowed)]
                 [--replication-interval SECONDS (between replication runs, default 60; 0: only POST /-/replication/run)]
                 [--inventory-interval SECONDS (between checks for due inventory reports, default 60; 0: only POST /-/inventory/run)]
       local-oss check [--data DIR] (integrity check of a data directory no emulator is using)
Every flag can also be set as LOCAL_OSS_<NAME> (LOCAL_OSS_PORT, LOCAL_OSS_IN_MEMORY=1, …).`;

const CHECK_USAGE = `usage: local-oss check [--data ${DEFAULT_DATA_DIR}]
Runs SQLite's integrity check and the store's invariants on a data directory no emulator is using; exit 1 when
anything is wrong.`;

const FLAGS = {
  host: { type: 'string' },
  port: { type: 'string' },
  data: { type: 'string' },
  'in-memory': { type: 'boolean' },
  region: { type: 'string' },
  regions: { type: 'string' },
  'access-key-id': { type: 'string' },
  'access-key-secret': { type: 'string' },
  'worm-copy-rule': { type: 'string' },
  config: { type: 'string' },
  'public-endpoint': { type: 'string' },
  'https-port': { type: 'string' },
  'tls-cert': { type: 'string' },
  'clock-offset': { type: 'string' },
  'restore-delay': { type: 'string' },
  'lifecycle-interval': { type: 'string' },
  'logging-interval': { type: 'string' },
  'new-bucket-block-public-access': { type: 'string' },
  'replication-interval': { type: 'string' },
  'inventory-interval': { type: 'string' },
  'tls-key': { type: 'string' },
  seed: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function envName(flag: string): string {
  return 'LOCAL_OSS_' + flag.toUpperCase().replace(/-/g, '_');
}

function fail(message: string): never {
  process.stderr.write(`local-oss: ${message}\n${USAGE}\n`);
  process.exit(2);
}

/** Flags were fine but the emulator cannot start (data dir, port, config file): one line, no usage text. */
function failToStart(message: string): never {
  process.stderr.write(`local-oss: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  if (process.argv[2] === 'check') return checkCommand(process.argv.slice(3));
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ options: FLAGS, allowPositionals: false }).values;
  } catch (err) {
    fail((err as Error).message);
  }
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const opt = (flag: keyof typeof FLAGS): string | undefined => {
    const v = values[flag];
    if (typeof v === 'string') return v;
    return process.env[envName(flag)] || undefined;
  };
  const flag = (name: keyof typeof FLAGS): boolean =>
    values[name] === true || /^(1|true|yes)$/i.test(process.env[envName(name)] ?? '');

  const portText = opt('port') ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`invalid port ${JSON.stringify(portText)}`);
  const accessKeyId = opt('access-key-id');
  const accessKeySecret = opt('access-key-secret');
  if ((accessKeyId === undefined) !== (accessKeySecret === undefined)) {
    fail('--access-key-id and --access-key-secret go together');
  }
  const wormCopyRule = opt('worm-copy-rule') ?? 'documented';
  if (wormCopyRule !== 'documented' && wormCopyRule !== 'protected-only') fail(`invalid --worm-copy-rule ${wormCopyRule}`);
  const httpsText = opt('https-port');
  const httpsPort = httpsText === undefined ? undefined : Number(httpsText);
  if (httpsPort !== undefined && (!Number.isInteger(httpsPort) || httpsPort < 0 || httpsPort > 65535)) {
    fail(`invalid --https-port ${JSON.stringify(httpsText)}`);
  }
  const tlsCert = opt('tls-cert');
  const tlsKey = opt('tls-key');
  if ((tlsCert === undefined) !== (tlsKey === undefined)) fail('--tls-cert and --tls-key go together');
  if (tlsCert !== undefined && httpsPort === undefined) fail('--tls-cert and --tls-key need --https-port');
  const clockText = opt('clock-offset');
  const clockOffsetSeconds = clockText === undefined ? undefined : Number(clockText);
  if (clockOffsetSeconds !== undefined && !Number.isFinite(clockOffsetSeconds)) fail(`invalid --clock-offset ${JSON.stringify(clockText)}`);
  const restoreText = opt('restore-delay');
  let restoreDelays: RestoreDelays | undefined;
  try {
    restoreDelays = restoreText === undefined ? undefined : parseRestoreDelays(restoreText);
  } catch (err) {
    fail(`invalid --restore-delay ${JSON.stringify(restoreText)}`);
  }
  const intervalText = opt('lifecycle-interval');
  const lifecycleIntervalSeconds = intervalText === undefined ? undefined : Number(intervalText);
  if (lifecycleIntervalSeconds !== undefined && !(Number.isFinite(lifecycleIntervalSeconds) && lifecycleIntervalSeconds >= 0)) {
    fail(`invalid --lifecycle-interval ${JSON.stringify(intervalText)}`);
  }
  const loggingText = opt('logging-interval');
  const loggingIntervalSeconds = loggingText === undefined ? undefined : Number(loggingText);
  if (loggingIntervalSeconds !== undefined && !(Number.isFinite(loggingIntervalSeconds) && loggingIntervalSeconds >= 0)) {
    fail(`invalid --logging-interval ${JSON.stringify(loggingText)}`);
  }
  const bpaText = opt('new-bucket-block-public-access');
  if (bpaText !== undefined && bpaText !== 'on' && bpaText !== 'off') {
    fail(`invalid --new-bucket-block-public-access ${JSON.stringify(bpaText)} (on or off)`);
  }
  const replicationText = opt('replication-interval');
  const replicationIntervalSeconds = replicationText === undefined ? undefined : Number(replicationText);
  if (replicationIntervalSeconds !== undefined && !(Number.isFinite(replicationIntervalSeconds) && replicationIntervalSeconds >= 0)) {
    fail(`invalid --replication-interval ${JSON.stringify(replicationText)}`);
  }
  const inventoryText = opt('inventory-interval');
  const inventoryIntervalSeconds = inventoryText === undefined ? undefined : Number(inventoryText);
  if (inventoryIntervalSeconds !== undefined && !(Number.isFinite(inventoryIntervalSeconds) && inventoryIntervalSeconds >= 0)) {
    fail(`invalid --inventory-interval ${JSON.stringify(inventoryText)}`);
  }
  const inMemory = flag('in-memory');
  const host = opt('host') ?? DEFAULT_HOST;

  const emulator = await startEmulator({
    host,
    port,
    inMemory,
    dataDir: resolve(opt('data') ?? DEFAULT_DATA_DIR),
    region: opt('region'),
    regions: opt('regions')?.split(',').map((r) => r.trim()).filter(Boolean),
    accessKeyId,
    accessKeySecret,
    wormCopyRule,
    config: opt('config') === undefined ? undefined : resolve(opt('config')!),
    publicEndpoint: opt('public-endpoint'),
    httpsPort,
    tlsCert: tlsCert === undefined ? undefined : resolve(tlsCert),
    tlsKey: tlsKey === undefined ? undefined : resolve(tlsKey),
    seed: opt('seed') === undefined ? undefined : resolve(opt('seed')!),
    clockOffsetSeconds,
    restoreDelays,
    lifecycleIntervalSeconds,
    loggingIntervalSeconds,
    ...(bpaText === undefined ? {} : { blockPublicAccessOnNewBuckets: bpaText === 'on' }),
    replicationIntervalSeconds,
    inventoryIntervalSeconds,
  }).catch((err: Error) => failToStart(err.message));

  // One write, so a reader that sees the ready line sees the summary lines with it.
  process.stdout.write(
    [
      `local-oss listening on ${emulator.url}`,
      ...(emulator.httpsUrl ? [`local-oss listening on ${emulator.httpsUrl}`] : []),
      `  region: ${emulator.region}${emulator.regions.length > 1 ? ` (also ${emulator.regions.slice(1).join(', ')})` : ''}`,
      `  data: ${emulator.dataDir ?? 'in memory (lost on exit)'}`,
      `  access key id: ${emulator.accessKeyId}`,
      `  access key secret: ${emulator.accessKeySecret}`,
      ...(opt('config') ? [`  identities: ${resolve(opt('config')!)}`] : []),
      ...(emulator.caCertPath
        ? [
            `  CA certificate: ${emulator.caCertPath}`,
            `  trust it: NODE_EXTRA_CA_CERTS / REQUESTS_CA_BUNDLE / SSL_CERT_FILE=${emulator.caCertPath}`,
          ]
        : []),
      ...(emulator.seeded
        ? [
            `  seed: ${emulator.seeded.dir}: ${emulator.seeded.buckets} bucket(s) (${emulator.seeded.bucketsCreated} created), ` +
              `${emulator.seeded.objectsWritten} object(s) written, ${emulator.seeded.objectsKept} kept`,
          ]
        : []),
    ].join('\n') + '\n',
  );
  if (!['127.0.0.1', '::1', 'localhost'].includes(host) && emulator.accessKeyId === DEFAULT_CREDENTIALS.accessKeyId) {
    process.stderr.write(
      `local-oss: warning: listening on ${host} with the default, publicly known credentials; anyone who can reach this port can read and write its data\n`,
    );
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    emulator.close().then(
      () => process.exit(0),
      (err: Error) => {
        process.stderr.write(`local-oss: error while stopping on ${signal}: ${err.message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** `local-oss check --data DIR` (store/check.ts): exit 0 when healthy, 1 when anything is wrong, 2 for bad flags. */
function checkCommand(args: string[]): void {
  let values: { data?: string; help?: boolean };
  try {
    values = parseArgs({ args, options: { data: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }).values;
  } catch (err) {
    process.stderr.write(`local-oss: ${(err as Error).message}\n${CHECK_USAGE}\n`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(CHECK_USAGE + '\n');
    return;
  }
  const dir = resolve(values.data ?? process.env.LOCAL_OSS_DATA ?? DEFAULT_DATA_DIR);
  let report: CheckReport;
  try {
    report = checkDataDir(dir);
  } catch (err) {
    failToStart((err as Error).message);
  }
  process.stdout.write(formatReport(dir, report) + '\n');
  process.exit(report.problems.length > 0 ? 1 : 0);
}

void main();
