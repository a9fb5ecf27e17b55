// Referer (PY2 put/get_bucket_referer): `?referer` on a bucket.
import { asArray, buildXml } from '../xml.js';
import type * as M from '../models/index.js';
import { base, md5, str, type Node, type Wire } from './wire.js';

const SUB: [string, undefined][] = [['referer', undefined]];

const flag = (v: boolean | undefined) => (v !== undefined ? String(v) : undefined);

export async function putBucketReferer(wire: Wire, req: M.PutBucketRefererRequest): Promise<M.PutBucketRefererResult> {
  const c = req.refererConfiguration;
  const body = buildXml('RefererConfiguration', {
    ...(c.allowEmptyReferer !== undefined ? { AllowEmptyReferer: flag(c.allowEmptyReferer) } : {}),
    ...(c.allowTruncateQueryString !== undefined ? { AllowTruncateQueryString: flag(c.allowTruncateQueryString) } : {}),
    ...(c.truncatePath !== undefined ? { TruncatePath: flag(c.truncatePath) } : {}),
    ...(c.refererList ? { RefererList: { Referer: c.refererList.referers ?? [] } } : {}),
    ...(c.refererBlacklist ? { RefererBlacklist: { Referer: c.refererBlacklist.referers ?? [] } } : {}),
  });
  return base(await wire.send({ method: 'PUT', bucket: req.bucket, query: SUB, headers: { 'content-md5': md5(body) }, body }));
}

export async function getBucketReferer(wire: Wire, req: M.GetBucketRefererRequest): Promise<M.GetBucketRefererResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: SUB });
  const root = (await wire.xml(res)).RefererConfiguration as Node | undefined;
  const bool = (name: string) => {
    const v = str(root, name);
    return v === undefined ? undefined : v === 'true';
  };
  const list = (name: string) => {
    const node = root?.[name];
    const items = node !== null && typeof node === 'object' ? (node as Node).Referer : undefined;
    return { referers: asArray(items as string[]).filter((x): x is string => typeof x === 'string') };
  };
  return {
    ...base(res),
    refererConfiguration: {
      allowEmptyReferer: bool('AllowEmptyReferer'),
      allowTruncateQueryString: bool('AllowTruncateQueryString'),
      truncatePath: bool('TruncatePath'),
      refererList: list('RefererList'),
      refererBlacklist: list('RefererBlacklist'),
    },
  };
}
