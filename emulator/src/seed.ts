// Seed data (issue 23 item 4, README "Seed data"): `--seed DIR` turns each sub-folder of DIR into a bucket and
// each file under it into an object (its path relative to the bucket folder is the key), at start, before the
// ready line. An optional `<bucket>/local-oss-seed.yaml` gives the bucket's region, ACL and versioning, and
// metadata, tags, ACL, content type and storage class for every object (`objects: '*'`) or one key.
//
// The seed talks to the emulator it is seeding over HTTP with the owner's key pair (@local-oss/client), so every
// object goes through the same pipeline as an SDK's PutObject: the body is streamed from the file into the store's
// chunk writer (http/body.ts receiveContent) and landed by api/landing.ts; nothing is held whole in memory, and
// the region, ACL and key rules are the ones every request meets. Existing objects are kept, never overwritten,
// and a bucket that already exists keeps its own settings, so seeding a persistent data dir again is harmless.
import { isPublicAcl } from './domain/publicAccessBlock.js';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { OssClient } from '@local-oss/client';
import type { Store } from './store/store.js';

export const SEED_CONFIG = 'local-oss-seed.yaml';

export interface ObjectSettings {
  acl?: string;
  contentType?: string;
  storageClass?: string;
  metadata?: Record<string, string>;
  tags?: Record<string, string>;
}

export interface BucketSeedConfig {
  region?: string;
  acl?: 'private' | 'public-read' | 'public-read-write';
  versioning?: 'Enabled' | 'Suspended';
  /** '*' applies to every object; a key's own entry is merged over it. */
  objects?: Record<string, ObjectSettings>;
}

export interface SeedSummary {
  dir: string;
  buckets: number;
  /** Buckets the seed made (the others existed and kept their settings). */
  bucketsCreated: number;
  objectsWritten: number;
  /** Files whose key already held an object. */
  objectsKept: number;
}

/** Common extensions only: an unknown one lands as OSS's default, application/octet-stream. */
const CONTENT_TYPES: Record<string, string> = {
  '.txt': 'text/plain', '.html': 'text/html', '.htm': 'text/html', '.css': 'text/css', '.csv': 'text/csv',
  '.js': 'application/javascript', '.mjs': 'application/javascript', '.json': 'application/json',
  '.xml': 'application/xml', '.yaml': 'application/x-yaml', '.yml': 'application/x-yaml', '.md': 'text/markdown',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.svg': 'image/svg+xml',
  '.webp': 'image/webp', '.ico': 'image/x-icon', '.pdf': 'application/pdf', '.zip': 'application/zip',
  '.gz': 'application/gzip', '.tar': 'application/x-tar', '.mp4': 'video/mp4', '.mp3': 'audio/mpeg', '.wasm': 'application/wasm',
};

function fail(path: string, message: string): never {
  throw new Error(`seed ${path}: ${message}`);
}

function stringMap(v: unknown, where: string): Record<string, string> | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(where, 'expected a mapping of names to values');
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)]));
}

function objectSettings(v: unknown, where: string): ObjectSettings {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(where, 'expected a mapping');
  const o = v as Record<string, unknown>;
  for (const name of Object.keys(o)) {
    if (!['acl', 'contentType', 'storageClass', 'metadata', 'tags'].includes(name)) fail(where, `unknown setting ${name}`);
  }
  const text = (name: string) => (o[name] === undefined ? undefined : String(o[name]));
  return {
    acl: text('acl'),
    contentType: text('contentType'),
    storageClass: text('storageClass'),
    metadata: stringMap(o.metadata, `${where}.metadata`),
    tags: stringMap(o.tags, `${where}.tags`),
  };
}

export function readSeedConfig(path: string): BucketSeedConfig {
  if (!existsSync(path)) return {};
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(path, 'utf8'));
  } catch (err) {
    fail(path, (err as Error).message);
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== 'object' || Array.isArray(doc)) fail(path, 'expected a mapping');
  const d = doc as Record<string, unknown>;
  for (const name of Object.keys(d)) if (!['region', 'acl', 'versioning', 'objects'].includes(name)) fail(path, `unknown setting ${name}`);
  if (d.acl !== undefined && !['private', 'public-read', 'public-read-write'].includes(String(d.acl))) fail(path, `invalid acl ${String(d.acl)}`);
  if (d.versioning !== undefined && !['Enabled', 'Suspended'].includes(String(d.versioning))) {
    fail(path, `invalid versioning ${String(d.versioning)} (Enabled or Suspended)`);
  }
  const objects: Record<string, ObjectSettings> = {};
  if (d.objects !== undefined) {
    if (typeof d.objects !== 'object' || d.objects === null || Array.isArray(d.objects)) fail(path, 'objects: expected a mapping of keys');
    for (const [key, v] of Object.entries(d.objects)) objects[key] = objectSettings(v, `${path} objects.${key}`);
  }
  return {
    ...(d.region !== undefined ? { region: String(d.region).replace(/^oss-/, '') } : {}),
    ...(d.acl !== undefined ? { acl: d.acl as BucketSeedConfig['acl'] } : {}),
    ...(d.versioning !== undefined ? { versioning: d.versioning as BucketSeedConfig['versioning'] } : {}),
    objects,
  };
}

/** Every regular file under `dir`, depth first in name order, as [absolute path, key]. */
function* files(root: string, dir = root): Generator<[string, string]> {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(root, path);
    else if (entry.isFile() || (entry.isSymbolicLink() && statSync(path).isFile())) {
      const key = relative(root, path).split(sep).join('/');
      if (key !== SEED_CONFIG) yield [path, key];
    }
  }
}

function tagging(tags: Record<string, string> | undefined): string | undefined {
  if (tags === undefined || Object.keys(tags).length === 0) return undefined;
  return Object.entries(tags).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

export async function seedFrom(
  dir: string,
  emulator: { url: string; region: string; regions: string[]; accessKeyId: string; accessKeySecret: string; store: Store },
): Promise<SeedSummary> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) fail(dir, 'not a directory');
  const summary: SeedSummary = { dir, buckets: 0, bucketsCreated: 0, objectsWritten: 0, objectsKept: 0 };
  const credentials = { accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret };
  const clients = new Map<string, OssClient>();
  // V4 signs with the region: PutBucket creates the bucket in the region its request was signed for.
  const clientFor = (region: string) => {
    let c = clients.get(region);
    if (c === undefined) clients.set(region, (c = new OssClient({ endpoint: emulator.url, region, credentials })));
    return c;
  };
  const buckets = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  for (const bucket of buckets) {
    const folder = join(dir, bucket);
    const config = readSeedConfig(join(folder, SEED_CONFIG));
    const existing = emulator.store.buckets.get(bucket);
    const region = existing?.region ?? config.region ?? emulator.region;
    if (!emulator.regions.includes(region)) fail(folder, `region ${region} is not served (add it with --regions)`);
    const client = clientFor(region);
    const step = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
      try {
        return await fn();
      } catch (err) {
        fail(join(folder, what), (err as Error).message);
      }
    };
    summary.buckets++;
    if (existing === undefined) {
      // A bucket created through the API blocks public access (behaviour §14.15); a seed asking for a public bucket
      // or public objects turns the block off first, as a user must since OSS's 2025-10-13 default.
      const wantsPublic = [config.acl, ...Object.values(config.objects ?? {}).map((o) => o.acl)].some((a) => isPublicAcl(a));
      await step('', () => client.putBucket({ bucket, ...(config.acl && !wantsPublic ? { acl: config.acl } : {}) }));
      if (wantsPublic) {
        await step(SEED_CONFIG, () => client.putBucketPublicAccessBlock({ bucket, publicAccessBlockConfiguration: { blockPublicAccess: false } }));
        if (config.acl) await step(SEED_CONFIG, () => client.putBucketAcl({ bucket, acl: config.acl! }));
      }
      if (config.versioning) {
        await step(SEED_CONFIG, () => client.putBucketVersioning({ bucket, versioningConfiguration: { status: config.versioning! } }));
      }
      summary.bucketsCreated++;
    }
    const all = config.objects?.['*'] ?? {};
    for (const [path, key] of files(folder)) {
      const current = emulator.store.objects.current(bucket, key);
      if (current !== undefined && !current.isDeleteMarker) {
        summary.objectsKept++;
        continue;
      }
      const own = config.objects?.[key] ?? {};
      const s: ObjectSettings = { ...all, ...own, metadata: { ...all.metadata, ...own.metadata }, tags: { ...all.tags, ...own.tags } };
      const contentType = s.contentType ?? CONTENT_TYPES[extname(key).toLowerCase()];
      await step(key, () =>
        client.putObject({
          bucket,
          key,
          body: createReadStream(path), // streamed: the file is never read whole
          ...(contentType ? { contentType } : {}),
          ...(s.acl ? { acl: s.acl } : {}),
          ...(s.storageClass ? { storageClass: s.storageClass } : {}),
          ...(Object.keys(s.metadata ?? {}).length ? { metadata: s.metadata } : {}),
          ...(tagging(s.tags) ? { tagging: tagging(s.tags) } : {}),
        }),
      );
      summary.objectsWritten++;
    }
  }
  return summary;
}
