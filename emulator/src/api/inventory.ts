// Put/Get/List/DeleteBucketInventory (`?inventory&inventoryId=`, `?inventory[&continuation-token=]`; behaviour
// §14.19): the configurations are one document per bucket.
import { OssError } from '../domain/errors.js';
import { inventoryPage, parseInventory, withInventory, type Inventory } from '../domain/inventory.js';
import { readXml } from '../http/body.js';
import { sendEmpty, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import { requireBucket } from './bucket.js';

function inventories(ctx: OssContext, bucket: string): Inventory[] {
  return ctx.state.store.buckets.getDocument<Inventory[]>(bucket, 'inventory') ?? [];
}

export async function putBucketInventory(ctx: OssContext): Promise<void> {
  const inv = parseInventory(await readXml(ctx), ctx.state.query.get('inventoryId'));
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    ctx.state.store.buckets.setDocument(bucket.name, 'inventory', withInventory(inventories(ctx, bucket.name), inv));
  });
  sendEmpty(ctx);
}

export function getBucketInventory(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  const id = ctx.state.query.get('inventoryId');
  const inv = inventories(ctx, bucket.name).find((i) => i.id === id);
  if (inv === undefined) throw new OssError('NoSuchInventory', { BucketName: bucket.name });
  sendXml(ctx, 'InventoryConfiguration', inv.document);
}

export function listBucketInventory(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  const list = inventories(ctx, bucket.name);
  if (list.length === 0) throw new OssError('NoSuchInventory', { BucketName: bucket.name });
  // An empty token is no token (oss2 live test_list_few_bucket_inventory: no ContinuationToken in the answer).
  const token = ctx.state.query.get('continuation-token') || undefined;
  const { page, next } = inventoryPage(list, token);
  sendXml(ctx, 'ListInventoryConfigurationsResult', {
    InventoryConfiguration: page.map((i) => i.document),
    IsTruncated: String(next !== undefined),
    ...(token !== undefined ? { ContinuationToken: token } : {}),
    ...(next !== undefined ? { NextContinuationToken: next } : {}),
  });
}

/** 204 whether or not the Id existed [I]. */
export function deleteBucketInventory(ctx: OssContext): void {
  const id = ctx.state.query.get('inventoryId');
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    ctx.state.store.buckets.setDocument(bucket.name, 'inventory', inventories(ctx, bucket.name).filter((i) => i.id !== id));
  });
  sendEmpty(ctx, 204);
}
