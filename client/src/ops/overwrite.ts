// Overwrite protection (PY2 put/get/delete_bucket_overwrite_config): `?overwriteConfig` on a bucket.
import { asArray, buildXml } from '../xml.js';
import type * as M from '../models/index.js';
import { base, md5, str, type Node, type Wire } from './wire.js';

const SUB: [string, undefined][] = [['overwriteConfig', undefined]];

export async function putBucketOverwriteConfig(wire: Wire, req: M.PutBucketOverwriteConfigRequest): Promise<M.PutBucketOverwriteConfigResult> {
  const body = buildXml('OverwriteConfiguration', {
    Rule: (req.overwriteConfiguration.rules ?? []).map((r) => ({
      ...(r.id !== undefined ? { ID: r.id } : {}),
      ...(r.action !== undefined ? { Action: r.action } : {}),
      ...(r.prefix !== undefined ? { Prefix: r.prefix } : {}),
      ...(r.suffix !== undefined ? { Suffix: r.suffix } : {}),
      ...(r.principals?.principals ? { Principals: { Principal: r.principals.principals } } : {}),
    })),
  });
  return base(await wire.send({ method: 'PUT', bucket: req.bucket, query: SUB, headers: { 'content-md5': md5(body) }, body }));
}

export async function getBucketOverwriteConfig(wire: Wire, req: M.GetBucketOverwriteConfigRequest): Promise<M.GetBucketOverwriteConfigResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: SUB });
  const root = (await wire.xml(res)).OverwriteConfiguration as Node | undefined;
  return {
    ...base(res),
    overwriteConfiguration: {
      rules: asArray(root?.Rule as Node[]).map((r) => ({
        id: str(r, 'ID'),
        action: str(r, 'Action'),
        prefix: str(r, 'Prefix'),
        suffix: str(r, 'Suffix'),
        principals: { principals: asArray((r.Principals as Node | undefined)?.Principal as string[]) },
      })),
    },
  };
}

export async function deleteBucketOverwriteConfig(
  wire: Wire,
  req: M.DeleteBucketOverwriteConfigRequest,
): Promise<M.DeleteBucketOverwriteConfigResult> {
  return base(await wire.send({ method: 'DELETE', bucket: req.bucket, query: SUB }));
}
