// Inventory report rules as pure data (domain/inventoryReport.ts, behaviour §14.19.1).
import { describe, expect, it } from 'vitest';
import { columns, inventorySpec, listsVersion, reportBase, reportDue, reportStamp } from '../../src/domain/inventoryReport.js';
import type { ObjectVersionRecord } from '../../src/domain/types.js';

const doc = (extra: Record<string, unknown> = {}) => ({
  Id: 'r1',
  IsEnabled: 'true',
  Destination: { OSSBucketDestination: { Format: 'CSV', Bucket: 'acs:oss:::dst', Prefix: 'out/' } },
  Schedule: { Frequency: 'Weekly' },
  IncludedObjectVersions: 'Current',
  OptionalFields: { Field: ['Size', 'ETag'] },
  ...extra,
});

const version = (v: Partial<ObjectVersionRecord>) => ({ key: 'k', isLatest: true, isDeleteMarker: false, lastModified: 5_000, size: 10, storageClass: 'Standard', ...v }) as ObjectVersionRecord;

describe('inventory reports', () => {
  it('columns: Bucket, Key, the version columns for All, then the fields in order', () => {
    expect(columns(inventorySpec(doc()))).toEqual(['Bucket', 'Key', 'Size', 'ETag']);
    expect(columns(inventorySpec(doc({ IncludedObjectVersions: 'All' })))).toEqual(['Bucket', 'Key', 'VersionId', 'IsLatest', 'IsDeleteMarker', 'Size', 'ETag']);
  });

  it('the layout: one prefix level (omitted without a prefix), the GMT minute stamp', () => {
    expect(reportBase(inventorySpec(doc()), 'src')).toBe('out/src/r1/');
    const noPrefix = doc();
    delete (noPrefix.Destination.OSSBucketDestination as Record<string, unknown>).Prefix;
    expect(reportBase(inventorySpec(noPrefix), 'src')).toBe('src/r1/');
    expect(reportStamp(Date.UTC(2020, 4, 17, 16, 0, 59))).toBe('2020-05-17T16-00Z');
  });

  it('due a week after the last report for Weekly; never when disabled', () => {
    const spec = inventorySpec(doc());
    expect([reportDue(spec, undefined, 0), reportDue(spec, 0, 6 * 86_400_000), reportDue(spec, 0, 7 * 86_400_000)]).toEqual([true, false, true]);
    expect(reportDue(inventorySpec(doc({ IsEnabled: 'false' })), undefined, 0)).toBe(false);
  });

  it('filters: prefix, size bounds, storage classes, times in seconds; markers and noncurrent versions only with All', () => {
    const spec = inventorySpec(doc({ Filter: { Prefix: 'k', LowerSizeBound: '5', UpperSizeBound: '20', StorageClass: 'Standard,IA', LastModifyBeginTimeStamp: '4' } }));
    expect(listsVersion(spec, version({}))).toBe(true);
    expect(listsVersion(spec, version({ size: 30 }))).toBe(false);
    expect(listsVersion(spec, version({ storageClass: 'Archive' }))).toBe(false);
    expect(listsVersion(spec, version({ lastModified: 3_000 }))).toBe(false);
    expect(listsVersion(spec, version({ key: 'x' }))).toBe(false);
    expect(listsVersion(spec, version({ isLatest: false }))).toBe(false);
    expect(listsVersion(inventorySpec(doc({ IncludedObjectVersions: 'All' })), version({ isDeleteMarker: true }))).toBe(true);
  });
});
