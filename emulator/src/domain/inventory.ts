// Bucket inventory configurations (Put/Get/List/DeleteBucketInventory, behaviour §14.19): stored and answered.
// Sources: the PutBucketInventory API reference (Id, IsEnabled, Destination/OSSBucketDestination with Format CSV,
// AccountId, RoleArn, Bucket `acs:oss:::<name>`, Prefix, Encryption; Schedule/Frequency Daily|Weekly; Filter;
// IncludedObjectVersions All|Current; OptionalFields; at most 1000 per bucket), PY2 models/bucket_inventory.py
// (element names, IncrementalInventory kept as sent), oss2 live tests/test_bucket_inventory.py (a listing holds 100
// with IsTruncated and NextContinuationToken; an empty listing is 404 NoSuchInventory).
import { OssError, invalidArgument } from './errors.js';

export const MAX_INVENTORIES = 1000;
export const LIST_PAGE = 100;

export interface Inventory {
  id: string;
  /** The document as put (element order kept), with IsEnabled lower-case. */
  document: Record<string, unknown>;
}

function el(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/**
 * The configuration of a PutBucketInventory body for `?inventoryId=<id>`. A missing element is MalformedXML, a value
 * outside its documented set or an Id other than the query's is InvalidArgument [I: codes uncaptured].
 */
export function parseInventory(doc: Record<string, unknown> | undefined, queryId: string | undefined): Inventory {
  const root = el(doc?.InventoryConfiguration);
  if (root === undefined) throw new OssError('MalformedXML');
  const id = root.Id;
  if (typeof id !== 'string' || id === '') throw new OssError('MalformedXML');
  if (queryId !== id) throw invalidArgument('InvalidArgument', 'inventoryId', queryId ?? '');
  const enabled = typeof root.IsEnabled === 'string' ? root.IsEnabled.toLowerCase() : undefined;
  if (enabled !== 'true' && enabled !== 'false') throw new OssError('MalformedXML');
  root.IsEnabled = enabled;
  const dest = el(el(root.Destination)?.OSSBucketDestination);
  if (dest === undefined || typeof dest.Bucket !== 'string' || !dest.Bucket.startsWith('acs:oss:::')) throw new OssError('MalformedXML');
  if (dest.Format !== 'CSV') throw invalidArgument('InvalidArgument', 'Format', String(dest.Format ?? ''));
  const frequency = el(root.Schedule)?.Frequency;
  if (frequency !== 'Daily' && frequency !== 'Weekly') throw invalidArgument('InvalidArgument', 'Frequency', String(frequency ?? ''));
  const versions = root.IncludedObjectVersions;
  if (versions !== 'All' && versions !== 'Current') throw invalidArgument('InvalidArgument', 'IncludedObjectVersions', String(versions ?? ''));
  // Filter/StorageClass is answered sorted: put `Standard,IA`, read back `IA,Standard` [S] oss2 live
  // tests/test_bucket_inventory.py test_bucket_inventory_filter.
  const filter = el(root.Filter);
  if (filter !== undefined && typeof filter.StorageClass === 'string') {
    filter.StorageClass = filter.StorageClass.split(',').map((c) => c.trim()).filter((c) => c !== '').sort().join(',');
  }
  return { id, document: root };
}

/** Adds or replaces (same Id [I]) a configuration; the list is kept sorted by Id, the order listings page in. */
export function withInventory(list: Inventory[], inv: Inventory): Inventory[] {
  const rest = list.filter((i) => i.id !== inv.id);
  if (rest.length >= MAX_INVENTORIES) throw invalidArgument('InvalidArgument', 'InventoryConfiguration', String(rest.length + 1));
  return [...rest, inv].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** One page after `token` (the last Id of the previous page [I: the token is opaque on OSS]). */
export function inventoryPage(list: Inventory[], token: string | undefined): { page: Inventory[]; next?: string } {
  const rest = token === undefined ? list : list.filter((i) => i.id > token);
  const page = rest.slice(0, LIST_PAGE);
  return rest.length > LIST_PAGE ? { page, next: page[page.length - 1]!.id } : { page };
}
