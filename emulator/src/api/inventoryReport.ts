// Inventory reports (behaviour §14.19.1): for each enabled inventory configuration (api/inventory.ts), the versions
// it lists as a gzip CSV under <prefix>/<src>/<id>/data/<uuid>.csv.gz, then <prefix>/<src>/<id>/<YYYY-MM-DDTHH-MMZ>/
// manifest.json and manifest.checksum, all written into the destination bucket through the landing funnel
// (api/landing.ts landObjectAs: overwrite rules, default encryption and versioning apply as to any write). On demand
// (POST /-/inventory/run: every enabled inventory) and periodically (--inventory-interval: those whose Daily or
// Weekly schedule is due). The CSV is gzipped a page of rows at a time into the content writer, so no report is held
// whole in memory (a gzip file of several members, which gunzip reads as one).
import { createHash, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { OssError } from '../domain/errors.js';
import type { Inventory } from '../domain/inventory.js';
import { csvRow, inventorySpec, listsVersion, manifest, reportBase, reportDue, reportStamp, type InventorySpec } from '../domain/inventoryReport.js';
import type { Encryption } from '../domain/types.js';
import type { Store } from '../store/store.js';
import type { ContentWriter } from '../store/contentWriter.js';
import { kmsKeyIdOf, usableKmsKeyIn } from './kms.js';
import { bucketDefaultEncryption, landObjectAs, receivedFields, type Lander } from './landing.js';

export interface InventoryRunReport {
  reports: { bucket: string; id: string; destination: string; manifest: string; rows: number }[];
  failed: { bucket: string; id: string; error: string }[];
}

export interface InventoryEnv {
  now: number;
  kmsKeysDeclared: boolean;
  /** Only inventories whose schedule is due (the periodic run); the on-demand run writes every enabled one. */
  dueOnly: boolean;
}

const PAGE = 500;

export function runInventories(store: Store, env: InventoryEnv): InventoryRunReport {
  const report: InventoryRunReport = { reports: [], failed: [] };
  let marker = '';
  for (;;) {
    const buckets = store.buckets.list({ prefix: '', marker, limit: PAGE });
    for (const b of buckets) {
      const list = store.buckets.getDocument<Inventory[]>(b.name, 'inventory') ?? [];
      const runs = store.buckets.getDocument<Record<string, number>>(b.name, 'inventoryRuns') ?? {};
      let wrote = false;
      for (const inv of list) {
        const spec = inventorySpec(inv.document);
        if (!spec.enabled || (env.dueOnly && !reportDue(spec, runs[spec.id], env.now))) continue;
        try {
          report.reports.push(writeReport(store, b.name, spec, env));
          runs[spec.id] = env.now;
          wrote = true;
        } catch (err) {
          if (!(err instanceof OssError)) throw err;
          report.failed.push({ bucket: b.name, id: spec.id, error: err.code });
        }
      }
      if (wrote) store.tx(() => store.buckets.setDocument(b.name, 'inventoryRuns', runs));
    }
    if (buckets.length < PAGE) break;
    marker = buckets[buckets.length - 1]!.name;
  }
  return report;
}

/** The encryption of the report's objects: the configuration's own, else the destination's default rule. */
function reportEncryption(store: Store, spec: InventorySpec): Encryption | undefined {
  return spec.encryption ?? bucketDefaultEncryption(store, spec.destinationBucket);
}

function writeReport(store: Store, source: string, spec: InventorySpec, env: InventoryEnv) {
  const dest = store.buckets.get(spec.destinationBucket);
  if (dest === undefined) throw new OssError('NoSuchBucket', { BucketName: spec.destinationBucket });
  const encryption = reportEncryption(store, spec);
  const keyId = kmsKeyIdOf(encryption);
  if (keyId !== undefined) usableKmsKeyIn(store, keyId, env.kmsKeysDeclared);
  const base = reportBase(spec, source);
  const lander: Lander = { store, now: env.now, callerIds: [], bypassGovernance: false };
  const land = (key: string, contentType: string, fill: (w: ContentWriter) => void) =>
    store.tx(() => {
      const writer = store.content.createWriter(keyId !== undefined ? { encryption: { keyId } } : {});
      try {
        fill(writer);
      } catch (err) {
        writer.abort();
        throw err;
      }
      const pending = writer.finish();
      const fields = receivedFields(pending);
      landObjectAs(lander, dest.name, key, pending, {
        forbidOverwrite: false,
        build: (bucket, contentId) => ({
          lastModified: env.now,
          ...fields,
          objectType: 'Normal',
          storageClass: bucket.storageClass,
          acl: 'default',
          metadata: { standard: { 'content-type': contentType }, user: {} },
          tags: [],
          ...(encryption !== undefined ? { encryption } : {}),
          contentId,
        }),
      });
      return fields;
    });

  const dataKey = `${base}data/${randomUUID()}.csv.gz`;
  let rows = 0;
  const data = land(dataKey, 'application/x-gzip', (writer) => {
    let after = '';
    for (;;) {
      const keys = store.objects.keysAfter(source, after, PAGE);
      let text = '';
      for (const key of keys) {
        for (const v of store.objects.versionsOfKey(source, key)) {
          if (!listsVersion(spec, v)) continue;
          text += csvRow(spec, source, v);
          rows++;
        }
      }
      if (text !== '') writer.write(gzipSync(text));
      if (keys.length < PAGE) break;
      after = keys[keys.length - 1]!;
    }
    if (rows === 0) writer.write(gzipSync(''));
  });
  const md5Hex = (b64: string) => Buffer.from(b64, 'base64').toString('hex').toUpperCase();
  const body = manifest(spec, source, env.now, [{ key: dataKey, size: data.size, md5: md5Hex(data.contentMd5!) }]);
  const folder = `${base}${reportStamp(env.now)}/`;
  land(`${folder}manifest.json`, 'application/json', (w) => w.write(Buffer.from(body)));
  const checksum = createHash('md5').update(body).digest('hex').toUpperCase();
  land(`${folder}manifest.checksum`, 'text/plain', (w) => w.write(Buffer.from(checksum)));
  return { bucket: source, id: spec.id, destination: dest.name, manifest: `${folder}manifest.json`, rows };
}

/** The periodic run (server.ts): every `intervalSeconds`, the inventories whose schedule is due; 0 turns it off. */
export function startInventoryTimer(store: Store, env: () => Omit<InventoryEnv, 'dueOnly'>, intervalSeconds: number): () => void {
  if (intervalSeconds <= 0) return () => {};
  const timer = setInterval(() => {
    try {
      runInventories(store, { ...env(), dueOnly: true });
    } catch {
      // Retried on the next tick (the store closing under it).
    }
  }, intervalSeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
