// Bucket inventory (PY2 put/get/list/delete_bucket_inventory): `?inventory&inventoryId=` and `?inventory` on a bucket.
import { asArray, buildXml } from '../xml.js';
import type * as M from '../models/index.js';
import { base, bool, md5, num, str, type Node, type Wire } from './wire.js';

function configXml(c: M.InventoryConfiguration): object {
  const f = c.filter;
  const d = c.destination?.ossBucketDestination;
  const given = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  return given({
    Id: c.id,
    IsEnabled: c.isEnabled === undefined ? undefined : String(c.isEnabled),
    Filter: f
      ? given({
          Prefix: f.prefix,
          LastModifyBeginTimeStamp: f.lastModifyBeginTimeStamp?.toString(),
          LastModifyEndTimeStamp: f.lastModifyEndTimeStamp?.toString(),
          LowerSizeBound: f.lowerSizeBound?.toString(),
          UpperSizeBound: f.upperSizeBound?.toString(),
          StorageClass: f.storageClass,
        })
      : undefined,
    Destination: d
      ? {
          OSSBucketDestination: given({
            Format: d.format,
            AccountId: d.accountId,
            RoleArn: d.roleArn,
            Bucket: d.bucket,
            Prefix: d.prefix,
            Encryption: d.encryption
              ? given({
                  'SSE-KMS': d.encryption.sseKms ? given({ KeyId: d.encryption.sseKms.keyId }) : undefined,
                  'SSE-OSS': d.encryption.sseOss,
                })
              : undefined,
          }),
        }
      : undefined,
    Schedule: c.schedule ? given({ Frequency: c.schedule.frequency }) : undefined,
    IncludedObjectVersions: c.includedObjectVersions,
    OptionalFields: c.optionalFields?.fields ? { Field: c.optionalFields.fields } : undefined,
  });
}

function parseConfig(n: Node): M.InventoryConfiguration {
  const f = n.Filter as Node | undefined;
  const d = (n.Destination as Node | undefined)?.OSSBucketDestination as Node | undefined;
  const enc = d?.Encryption as Node | undefined;
  const kms = enc?.['SSE-KMS'] as Node | undefined;
  return {
    id: str(n, 'Id'),
    isEnabled: bool(str(n, 'IsEnabled')?.toLowerCase()),
    ...(f
      ? {
          filter: {
            prefix: str(f, 'Prefix'),
            lastModifyBeginTimeStamp: num(str(f, 'LastModifyBeginTimeStamp')),
            lastModifyEndTimeStamp: num(str(f, 'LastModifyEndTimeStamp')),
            lowerSizeBound: num(str(f, 'LowerSizeBound')),
            upperSizeBound: num(str(f, 'UpperSizeBound')),
            storageClass: str(f, 'StorageClass'),
          },
        }
      : {}),
    ...(d
      ? {
          destination: {
            ossBucketDestination: {
              format: str(d, 'Format'),
              accountId: str(d, 'AccountId'),
              roleArn: str(d, 'RoleArn'),
              bucket: str(d, 'Bucket'),
              prefix: str(d, 'Prefix'),
              ...(enc ? { encryption: { ...(kms !== undefined ? { sseKms: { keyId: str(kms, 'KeyId') } } : {}), ...('SSE-OSS' in enc ? { sseOss: '' } : {}) } } : {}),
            },
          },
        }
      : {}),
    schedule: { frequency: str(n.Schedule, 'Frequency') },
    includedObjectVersions: str(n, 'IncludedObjectVersions'),
    optionalFields: { fields: asArray((n.OptionalFields as Node | undefined)?.Field as string[]).map(String) },
  };
}

export async function putBucketInventory(wire: Wire, req: M.PutBucketInventoryRequest): Promise<M.PutBucketInventoryResult> {
  const body = buildXml('InventoryConfiguration', configXml(req.inventoryConfiguration));
  return base(
    await wire.send({
      method: 'PUT',
      bucket: req.bucket,
      query: [['inventory', undefined], ['inventoryId', req.inventoryId]],
      headers: { 'content-md5': md5(body), 'content-type': 'application/xml' },
      body,
    }),
  );
}

export async function getBucketInventory(wire: Wire, req: M.GetBucketInventoryRequest): Promise<M.GetBucketInventoryResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: [['inventory', undefined], ['inventoryId', req.inventoryId]] });
  const root = ((await wire.xml(res)).InventoryConfiguration ?? {}) as Node;
  return { ...base(res), inventoryConfiguration: parseConfig(root) };
}

export async function listBucketInventory(wire: Wire, req: M.ListBucketInventoryRequest): Promise<M.ListBucketInventoryResult> {
  const query: [string, string | undefined][] = [['inventory', undefined]];
  if (req.continuationToken !== undefined) query.push(['continuation-token', req.continuationToken]);
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query });
  const root = ((await wire.xml(res)).ListInventoryConfigurationsResult ?? {}) as Node;
  return {
    ...base(res),
    listInventoryConfigurationsResult: {
      inventoryConfigurations: asArray(root.InventoryConfiguration as Node[]).map(parseConfig),
      isTruncated: bool(str(root, 'IsTruncated')),
      nextContinuationToken: str(root, 'NextContinuationToken'),
    },
  };
}

export async function deleteBucketInventory(wire: Wire, req: M.DeleteBucketInventoryRequest): Promise<M.DeleteBucketInventoryResult> {
  return base(await wire.send({ method: 'DELETE', bucket: req.bucket, query: [['inventory', undefined], ['inventoryId', req.inventoryId]] }));
}
