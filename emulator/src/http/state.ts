// What the middleware chain learns about a request, kept on ctx.state for the handlers after it.
import type { ParameterizedContext } from 'koa';
import type { Store } from '../store/store.js';
import type { Query } from './query.js';
import type { WormCopyRule } from '../domain/worm.js';
import type { RestoreDelays } from '../domain/restore.js';
import type { Identity } from '../domain/identities.js';
import type { Clock } from '../domain/clock.js';
import type { AccessPointRecord } from '../domain/accessPoint.js';

export interface EmulatorConfig {
  /** Default region (bare id, e.g. cn-hangzhou) for buckets whose request names none. */
  region: string;
  /** Regions this emulator serves; a request for another region is answered as real OSS would for an unknown endpoint. */
  regions: string[];
  /** How CopyObject treats buckets with a retention policy (domain/worm.ts). */
  wormCopyRule: WormCopyRule;
  /** Seconds a RestoreObject takes per tier (domain/restore.ts; --restore-delay). */
  restoreDelays: RestoreDelays;
  /** The owner's key pair: accessKeyId → accessKeySecret (full access, like an account's own AccessKey). */
  credentials: Map<string, string>;
  /** RAM users and STS credentials from the identities file, by access key id (empty without --config). */
  identities: Map<string, Identity>;
  /** The account UID in ARNs and bucket-policy principals. */
  accountId: string;
  /** The config file declares KMS keys: other key ids are unknown instead of created on first use. */
  kmsKeysDeclared: boolean;
  /** The emulator's now: real time plus the offset of PUT /-/clock or --clock-offset (domain/clock.ts). */
  clock: Clock;
  /**
   * New buckets start with Block Public Access on, as OSS's do since 2025-10-13 (behaviour §14.15); false emulates
   * buckets created before then (--new-bucket-block-public-access off).
   */
  blockPublicAccessOnNewBuckets: boolean;
  /** Reported as every bucket's Extranet/IntranetEndpoint when set (api/endpoints.ts). */
  publicEndpoint?: string;
}

export type Principal =
  | { kind: 'anonymous' }
  | {
      kind: 'key';
      accessKeyId: string;
      scheme: 'v1' | 'v2' | 'v4' | 'presign-v1' | 'presign-v2' | 'presign-v4' | 'post-v1' | 'post-v4';
      region?: string;
      /** The RAM user or STS credential; undefined for the owner's key. */
      identity?: Identity;
    };

export interface OssState {
  requestId: string;
  /** The Host header as sent (HostId in errors). */
  host: string;
  query: Query;
  /** Set by addressing: undefined bucket = a service-level request. */
  bucket?: string;
  key?: string;
  /**
   * A request addressed through an access point alias (or access point endpoint): the access point, whose bucket is
   * `bucket` (api/accessPoint.ts accessPointStep). Its policy joins the permission checks (http/access.ts).
   */
  accessPoint?: AccessPointRecord;
  /** The bucket name as the request addressed it (the alias), which its signature covers; undefined = `bucket`. */
  addressedBucket?: string;
  /** Region named by the endpoint host (`oss-<region>.…`), if any. */
  hostRegion?: string;
  principal: Principal;
  store: Store;
  config: EmulatorConfig;
}

export type OssContext = ParameterizedContext<OssState>;
