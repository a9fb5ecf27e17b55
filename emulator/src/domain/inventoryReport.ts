// What an inventory report holds (behaviour §14.19.1): which versions an inventory lists, its CSV rows and the
// manifest. Sources: the user guide "存储空间清单" / "Bucket inventory" (www.alibabacloud.com/help/doc-detail/163489):
// the layout dest_bucket/<destination-prefix>/<src_bucket>/<inventory_id>/{YYYY-MM-DDTHH-MMZ/{manifest.json,
// manifest.checksum}, data/<uuid>.csv.gz} (the timestamp folder in GMT, the prefix level omitted without a prefix);
// the list's columns are "Bucket, Key", then VersionId, IsLatest, IsDeleteMarker when all versions are listed, then
// the OptionalFields in the configuration's order, as manifest.json's fileSchema says; keys URL-encoded. The manifest's
// members (creationTimestamp, destinationBucket, fileFormat, fileSchema, files[{MD5checksum, key, size}],
// sourceBucket, version) follow the user guide's example [S2: remembered; the stored page stops before it], and
// manifest.checksum holds the MD5 of manifest.json as S3's inventory does [I]. How each value is written (quoting,
// dates, booleans) is [I].
import type { ObjectVersionRecord } from './types.js';

export interface InventorySpec {
  id: string;
  enabled: boolean;
  destinationBucket: string;
  prefix?: string;
  allVersions: boolean;
  fields: string[];
  frequency: 'Daily' | 'Weekly';
  filter: {
    prefix?: string;
    /** Seconds since the epoch, as the Filter's LastModifyBegin/EndTimeStamp. */
    modifiedFrom?: number;
    modifiedTo?: number;
    minSize?: number;
    maxSize?: number;
    storageClasses?: string[];
  };
  encryption?: { algorithm: 'KMS'; keyId?: string } | { algorithm: 'AES256' };
}

type Node = Record<string, unknown>;
const node = (v: unknown): Node | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);
const num = (v: unknown): number | undefined => (str(v) === undefined ? undefined : Number(str(v)));

/** The report settings of a stored InventoryConfiguration document (domain/inventory.ts keeps it as put). */
export function inventorySpec(doc: Node): InventorySpec {
  const dest = node(node(doc.Destination)?.OSSBucketDestination) ?? {};
  const filter = node(doc.Filter) ?? {};
  const optional = node(doc.OptionalFields)?.Field;
  const fields = (Array.isArray(optional) ? optional : optional === undefined ? [] : [optional]).map(String);
  const enc = node(dest.Encryption);
  const kms = enc !== undefined && 'SSE-KMS' in enc ? node(enc['SSE-KMS']) ?? {} : undefined;
  const classes = str(filter.StorageClass);
  const prefix = str(dest.Prefix);
  const filterPrefix = str(filter.Prefix);
  const modifiedFrom = num(filter.LastModifyBeginTimeStamp);
  const modifiedTo = num(filter.LastModifyEndTimeStamp);
  const minSize = num(filter.LowerSizeBound);
  const maxSize = num(filter.UpperSizeBound);
  const keyId = kms !== undefined ? str(kms.KeyId) : undefined;
  return {
    id: String(doc.Id),
    enabled: doc.IsEnabled === 'true',
    destinationBucket: String(dest.Bucket).slice('acs:oss:::'.length),
    ...(prefix !== undefined ? { prefix } : {}),
    allVersions: doc.IncludedObjectVersions === 'All',
    fields,
    frequency: node(doc.Schedule)?.Frequency === 'Weekly' ? 'Weekly' : 'Daily',
    filter: {
      ...(filterPrefix !== undefined ? { prefix: filterPrefix } : {}),
      ...(modifiedFrom !== undefined ? { modifiedFrom } : {}),
      ...(modifiedTo !== undefined ? { modifiedTo } : {}),
      ...(minSize !== undefined ? { minSize } : {}),
      ...(maxSize !== undefined ? { maxSize } : {}),
      ...(classes !== undefined ? { storageClasses: classes.split(',') } : {}),
    },
    ...(kms !== undefined ? { encryption: { algorithm: 'KMS' as const, ...(keyId !== undefined ? { keyId } : {}) } } : enc !== undefined && 'SSE-OSS' in enc ? { encryption: { algorithm: 'AES256' as const } } : {}),
  };
}

/** Whether a report is due by its Schedule (a day or a week after the last one) [I: OSS picks the hour itself]. */
export function reportDue(spec: InventorySpec, lastRun: number | undefined, now: number): boolean {
  if (!spec.enabled) return false;
  if (lastRun === undefined) return true;
  return now - lastRun >= (spec.frequency === 'Weekly' ? 7 : 1) * 86_400_000;
}

/** Does the inventory list this version (filters of the configuration; markers only when all versions are)? */
export function listsVersion(spec: InventorySpec, v: ObjectVersionRecord): boolean {
  const f = spec.filter;
  if (!spec.allVersions && (!v.isLatest || v.isDeleteMarker)) return false;
  if (f.prefix !== undefined && !v.key.startsWith(f.prefix)) return false;
  if (v.isDeleteMarker) return true;
  const seconds = Math.floor(v.lastModified / 1000);
  if (f.modifiedFrom !== undefined && seconds < f.modifiedFrom) return false;
  if (f.modifiedTo !== undefined && seconds > f.modifiedTo) return false;
  if (f.minSize !== undefined && v.size < f.minSize) return false;
  if (f.maxSize !== undefined && v.size > f.maxSize) return false;
  if (f.storageClasses !== undefined && !f.storageClasses.includes(v.storageClass)) return false;
  return true;
}

/** The list's columns, as manifest.json's fileSchema names them. */
export function columns(spec: InventorySpec): string[] {
  return ['Bucket', 'Key', ...(spec.allVersions ? ['VersionId', 'IsLatest', 'IsDeleteMarker'] : []), ...spec.fields];
}

function field(name: string, bucket: string, v: ObjectVersionRecord): string {
  switch (name) {
    case 'Bucket': return bucket;
    case 'Key': return encodeURIComponent(v.key);
    case 'VersionId': return v.versionId;
    case 'IsLatest': return String(v.isLatest);
    case 'IsDeleteMarker': return String(v.isDeleteMarker);
    case 'Size': return v.isDeleteMarker ? '' : String(v.size);
    case 'LastModifiedDate': return new Date(v.lastModified).toISOString();
    case 'ETag': return v.isDeleteMarker ? '' : v.etag;
    case 'StorageClass': return v.isDeleteMarker ? '' : v.storageClass;
    case 'IsMultipartUploaded': return String(v.objectType === 'Multipart');
    case 'EncryptionStatus': return String(v.encryption !== undefined);
    case 'ObjectAcl': return v.acl;
    case 'TaggingCount': return String(v.tags.length);
    case 'ObjectType': return v.symlinkTarget !== undefined ? 'Symlink' : v.objectType;
    case 'Crc64': return v.isDeleteMarker ? '' : v.crc64;
    default: return '';
  }
}

/** One CSV row: every value quoted, quotes doubled (RFC 4180). */
export function csvRow(spec: InventorySpec, bucket: string, v: ObjectVersionRecord): string {
  return columns(spec).map((c) => `"${field(c, bucket, v).replace(/"/g, '""')}"`).join(',') + '\n';
}

/** `<prefix>/<src>/<id>/` — the destination prefix level omitted without one. */
export function reportBase(spec: InventorySpec, sourceBucket: string): string {
  const prefix = spec.prefix === undefined ? '' : spec.prefix.endsWith('/') ? spec.prefix : `${spec.prefix}/`;
  return `${prefix}${sourceBucket}/${spec.id}/`;
}

/** `YYYY-MM-DDTHH-MMZ`, in GMT. */
export function reportStamp(now: number): string {
  return new Date(now).toISOString().slice(0, 16).replace(':', '-') + 'Z';
}

export function manifest(spec: InventorySpec, sourceBucket: string, now: number, files: { key: string; size: number; md5: string }[]): string {
  return JSON.stringify({
    creationTimestamp: String(Math.floor(now / 1000)),
    destinationBucket: spec.destinationBucket,
    fileFormat: 'CSV',
    fileSchema: columns(spec).join(', '),
    files: files.map((f) => ({ MD5checksum: f.md5, key: f.key, size: f.size })),
    sourceBucket,
    version: '2019-09-01',
  });
}
