// Three small per-bucket settings stored as documents and reported by GetBucketInfo: the access monitor
// (`?accessmonitor`, domain/accessMonitor.ts; lifecycle's IsAccessTime rules need it Enabled), transfer acceleration
// (`?transferAcceleration`, domain/transferAcceleration.ts) and the resource group (`?resourceGroup`,
// domain/resourceGroup.ts; ListBuckets filters by it).
import { parseAccessMonitor, type AccessMonitorStatus } from '../domain/accessMonitor.js';
import { OssError } from '../domain/errors.js';
import type { LifecycleRule } from '../domain/lifecycle.js';
import { DEFAULT_RESOURCE_GROUP, parseResourceGroup } from '../domain/resourceGroup.js';
import { parseTransferAcceleration } from '../domain/transferAcceleration.js';
import { readXml } from '../http/body.js';
import { sendEmpty, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import type { Store } from '../store/store.js';
import { requireBucket } from './bucket.js';

export function accessMonitorOf(store: Store, bucket: string): AccessMonitorStatus {
  return store.buckets.getDocument<{ status: AccessMonitorStatus }>(bucket, 'accessMonitor')?.status ?? 'Disabled';
}

export function transferAccelerationOf(store: Store, bucket: string): boolean | undefined {
  return store.buckets.getDocument<{ enabled: boolean }>(bucket, 'transferAcceleration')?.enabled;
}

export function resourceGroupOf(store: Store, bucket: string): string {
  return store.buckets.getDocument<{ id: string }>(bucket, 'resourceGroup')?.id ?? DEFAULT_RESOURCE_GROUP;
}

export async function putBucketAccessMonitor(ctx: OssContext): Promise<void> {
  const status = parseAccessMonitor(await readXml(ctx));
  ctx.state.store.tx(() => {
    const b = requireBucket(ctx);
    if (status === 'Disabled') {
      const rules = ctx.state.store.buckets.getDocument<LifecycleRule[]>(b.name, 'lifecycle') ?? [];
      if (rules.some((r) => [...r.transitions, ...r.noncurrentVersionTransitions].some((t) => t.isAccessTime))) {
        throw new OssError('AccessMonitorInUse');
      }
    }
    ctx.state.store.buckets.setDocument(b.name, 'accessMonitor', { status });
  });
  sendEmpty(ctx);
}

export function getBucketAccessMonitor(ctx: OssContext): void {
  const b = requireBucket(ctx);
  sendXml(ctx, 'AccessMonitorConfiguration', { Status: accessMonitorOf(ctx.state.store, b.name) });
}

export async function putBucketTransferAcceleration(ctx: OssContext): Promise<void> {
  const enabled = parseTransferAcceleration(await readXml(ctx));
  ctx.state.store.tx(() => ctx.state.store.buckets.setDocument(requireBucket(ctx).name, 'transferAcceleration', { enabled }));
  sendEmpty(ctx);
}

export function getBucketTransferAcceleration(ctx: OssContext): void {
  const b = requireBucket(ctx);
  const enabled = transferAccelerationOf(ctx.state.store, b.name);
  if (enabled === undefined) throw new OssError('NoSuchTransferAccelerationConfiguration', { BucketName: b.name });
  sendXml(ctx, 'TransferAccelerationConfiguration', { Enabled: String(enabled) });
}

export async function putBucketResourceGroup(ctx: OssContext): Promise<void> {
  const id = parseResourceGroup(await readXml(ctx));
  ctx.state.store.tx(() => ctx.state.store.buckets.setDocument(requireBucket(ctx).name, 'resourceGroup', { id }));
  sendEmpty(ctx);
}

export function getBucketResourceGroup(ctx: OssContext): void {
  const b = requireBucket(ctx);
  sendXml(ctx, 'BucketResourceGroupConfiguration', { ResourceGroupId: resourceGroupOf(ctx.state.store, b.name) });
}
