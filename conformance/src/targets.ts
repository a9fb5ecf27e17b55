// Where scenarios run: an in-process emulator, any URL speaking OSS, or real OSS from env credentials.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from 'local-oss';
import type { Credentials, RamUser, TargetInfo } from './model.js';
import { emulatorKeyPair, localOssIdentities, ramUsersOf } from './ramUsers.js';
import { scenarios } from './scenarios/index.js';

export interface Target {
  info: TargetInfo;
  close(): Promise<void>;
}

/**
 * A fresh in-memory emulator on a free port, serving a second region for the cross-region scenarios, with the RAM
 * users the scenarios declare (`ramUsers`, default: all of them). They go through an identities file, as a user's
 * would: the emulator reads it once, at start.
 */
/**
 * `blockPublicAccessOnNewBuckets: false` starts the emulator with the pre-2025-10-13 default (new buckets allow public
 * grants): the corpus replays captures made on such buckets (conformance/src/corpus.ts).
 */
export async function emulatorTarget(
  options: { virtualHost?: boolean; ramUsers?: RamUser[]; blockPublicAccessOnNewBuckets?: boolean } = {},
): Promise<Target> {
  const users = options.ramUsers ?? ramUsersOf(scenarios);
  const dir = mkdtempSync(join(tmpdir(), 'local-oss-conf-'));
  const config = join(dir, 'identities.json');
  writeFileSync(config, JSON.stringify(localOssIdentities(users), null, 2));
  const emu = await startEmulator({
    port: 0,
    inMemory: true,
    region: 'cn-hangzhou',
    regions: ['cn-shanghai'],
    config,
    ...(options.blockPublicAccessOnNewBuckets === undefined ? {} : { blockPublicAccessOnNewBuckets: options.blockPublicAccessOnNewBuckets }),
  }).finally(() =>
    rmSync(dir, { recursive: true, force: true }),
  );
  const ramUsers: Record<string, Credentials> = Object.fromEntries(users.map((u) => [u.name, emulatorKeyPair(u.name)]));
  return {
    info: {
      name: 'emulator',
      // `localhost` makes the raw driver address buckets virtual-host style, as against real OSS.
      endpoint: options.virtualHost ? `http://localhost:${emu.port}` : emu.url,
      region: emu.region,
      secondRegion: 'cn-shanghai',
      accessKeyId: emu.accessKeyId,
      accessKeySecret: emu.accessKeySecret,
      real: false,
      adminApi: true,
      ramUsers,
    },
    close: () => emu.close(),
  };
}

export interface UrlTargetOptions {
  endpoint: string;
  region: string;
  accessKeyId: string;
  accessKeySecret: string;
  secondRegion?: string;
  /** Key pairs of the scenarios' RAM users on that server (`--ram-users FILE`). */
  ramUsers?: Record<string, Credentials>;
}

/** Any running server: a local-oss process, a Docker container, another emulator. */
export function urlTarget(o: UrlTargetOptions): Target {
  return {
    info: { name: 'url', endpoint: o.endpoint, region: o.region, secondRegion: o.secondRegion, accessKeyId: o.accessKeyId, accessKeySecret: o.accessKeySecret, real: false, ramUsers: o.ramUsers },
    close: async () => undefined,
  };
}

/**
 * Real OSS from OSS_ACCESS_KEY_ID, OSS_ACCESS_KEY_SECRET, OSS_REGION [, OSS_ENDPOINT, OSS_REGION_2,
 * OSS_ENDPOINT_2]. The runner creates its own uniquely named buckets and deletes them afterwards.
 */
export function ossTarget(env: NodeJS.ProcessEnv = process.env, ramUsers?: Record<string, Credentials>): Target {
  const missing = ['OSS_ACCESS_KEY_ID', 'OSS_ACCESS_KEY_SECRET', 'OSS_REGION'].filter((n) => !env[n]);
  if (missing.length) throw new Error(`--target oss needs ${missing.join(', ')} in the environment`);
  const region = env.OSS_REGION!.replace(/^oss-/, '');
  const second = env.OSS_REGION_2?.replace(/^oss-/, '');
  return {
    info: {
      name: 'oss',
      endpoint: env.OSS_ENDPOINT ?? `https://oss-${region}.aliyuncs.com`,
      region,
      secondRegion: second,
      secondEndpoint: second ? (env.OSS_ENDPOINT_2 ?? `https://oss-${second}.aliyuncs.com`) : undefined,
      accessKeyId: env.OSS_ACCESS_KEY_ID!,
      accessKeySecret: env.OSS_ACCESS_KEY_SECRET!,
      real: true,
      ramUsers,
    },
    close: async () => undefined,
  };
}
