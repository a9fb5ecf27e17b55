// Inventory (PY2 put/get/list/delete_bucket_inventory): `?inventory&inventoryId=<id>` on a bucket.
import { buildXml } from '../xml.js';
import { fromXmlTree, toXmlTree, type XmlObjectSchema } from '../xmlSchema.js';
import type * as M from '../models/index.js';
import { base, given, md5, type Node, type Wire } from './wire.js';

const s = (e: string): [string, 's'] => [e, 's'];
const fields: XmlObjectSchema = { fields: ['Field', ['s']] };
/** Element names and order of the PutBucketInventory API reference (PY2 models/bucket_inventory.py). */
const CONFIGURATION: XmlObjectSchema = {
  id: s('Id'),
  isEnabled: ['IsEnabled', 'b'],
  filter: ['Filter', { prefix: s('Prefix'), lastModifyBeginTimeStamp: ['LastModifyBeginTimeStamp', 'n'], lastModifyEndTimeStamp: ['LastModifyEndTimeStamp', 'n'], lowerSizeBound: ['LowerSizeBound', 'n'], upperSizeBound: ['UpperSizeBound', 'n'], storageClass: s('StorageClass') }],
  destination: [
    'Destination',
    {
      ossBucketDestination: [
        'OSSBucketDestination',
        { format: s('Format'), accountId: s('AccountId'), roleArn: s('RoleArn'), bucket: s('Bucket'), prefix: s('Prefix'), encryption: ['Encryption', { sseKms: ['SSE-KMS', { keyId: s('KeyId') }], sseOss: s('SSE-OSS') }] },
      ],
    },
  ],
  schedule: ['Schedule', { frequency: s('Frequency') }],
  includedObjectVersions: s('IncludedObjectVersions'),
  optionalFields: ['OptionalFields', fields],
  incrementalInventory: ['IncrementalInventory', { isEnabled: ['IsEnabled', 'b'], schedule: ['Schedule', { frequency: ['Frequency', 'n'] }], optionalFields: ['OptionalFields', fields] }],
};

const sub = (id?: string): [string, string | undefined][] => [['inventory', undefined], ...given([['inventoryId', id]])];

export async function putBucketInventory(wire: Wire, req: M.PutBucketInventoryRequest): Promise<M.PutBucketInventoryResult> {
  const body = buildXml('InventoryConfiguration', toXmlTree(req.inventoryConfiguration, CONFIGURATION));
  return base(await wire.send({ method: 'PUT', bucket: req.bucket, query: sub(req.inventoryId), headers: { 'content-md5': md5(body) }, body }));
}

export async function getBucketInventory(wire: Wire, req: M.GetBucketInventoryRequest): Promise<M.GetBucketInventoryResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: sub(req.inventoryId) });
  const root = (await wire.xml(res)).InventoryConfiguration as Node | undefined;
  return { ...base(res), inventoryConfiguration: fromXmlTree(root, CONFIGURATION) as M.InventoryConfiguration };
}

export async function listBucketInventory(wire: Wire, req: M.ListBucketInventoryRequest): Promise<M.ListBucketInventoryResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: [['inventory', undefined], ...given([['continuation-token', req.continuationToken]])] });
  const root = (await wire.xml(res)).ListInventoryConfigurationsResult as Node | undefined;
  const list = fromXmlTree(root, { inventoryConfigurations: ['InventoryConfiguration', [CONFIGURATION]], isTruncated: ['IsTruncated', 'b'], nextContinuationToken: s('NextContinuationToken') });
  return { ...base(res), listInventoryConfigurationsResult: list as M.ListInventoryConfigurationsResult };
}

export async function deleteBucketInventory(wire: Wire, req: M.DeleteBucketInventoryRequest): Promise<M.DeleteBucketInventoryResult> {
  return base(await wire.send({ method: 'DELETE', bucket: req.bucket, query: sub(req.inventoryId) }));
}
