// What the middleware chain learns about a request, kept on ctx.state for the handlers after it.
import type { ParameterizedContext } from 'koa';
import type { Store } from '../store/store.js';
import type { Query } from './query.js';
import type { WormCopyRule } from '../domain/worm.js';

export interface EmulatorConfig {
  /** Default region (bare id, e.g. cn-hangzhou) for buckets whose request names none. */
  region: string;
  /** Regions this emulator serves; a request for another region is answered as real OSS would for an unknown endpoint. */
  regions: string[];
  /** How CopyObject treats buckets with a retention policy (domain/worm.ts). */
  wormCopyRule: WormCopyRule;
  /** accessKeyId → accessKeySecret */
  credentials: Map<string, string>;
}

export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'key'; accessKeyId: string; scheme: 'v1' | 'v4' | 'presign-v1' | 'presign-v4'; region?: string };

export interface OssState {
  requestId: string;
  /** The Host header as sent (HostId in errors). */
  host: string;
  query: Query;
  /** Set by addressing: undefined bucket = a service-level request. */
  bucket?: string;
  key?: string;
  /** Region named by the endpoint host (`oss-<region>.…`), if any. */
  hostRegion?: string;
  principal: Principal;
  store: Store;
  config: EmulatorConfig;
}

export type OssContext = ParameterizedContext<OssState>;
