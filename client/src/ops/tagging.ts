// Tag operations: an object's tags (PY2 put/get/delete_object_tagging) and a bucket's (put/get/delete_bucket_tags).
import { asArray, buildXml } from '../xml.js';
import type * as M from '../models/index.js';
import { base, md5, str, subresource, type Node, type Wire } from './wire.js';

function taggingXml(tagSet: M.Tag[]): string {
  return buildXml('Tagging', { TagSet: { Tag: tagSet.map((t) => ({ Key: t.key, Value: t.value })) } });
}

function tagSetOf(doc: Node): M.Tag[] {
  const set = (doc.Tagging as Node | undefined)?.TagSet as Node | undefined;
  return asArray(set?.Tag as Node[]).map((t) => ({ key: str(t, 'Key') ?? '', value: str(t, 'Value') ?? '' }));
}

export async function putObjectTagging(wire: Wire, req: M.PutObjectTaggingRequest): Promise<M.PutObjectTaggingResult> {
  const body = taggingXml(req.tagSet);
  const res = await wire.send({
    method: 'PUT',
    bucket: req.bucket,
    key: req.key,
    query: subresource('tagging', req.versionId),
    headers: { 'content-md5': md5(body) },
    body,
  });
  return { ...base(res), versionId: res.headers['x-oss-version-id'] };
}

export async function getObjectTagging(wire: Wire, req: M.GetObjectTaggingRequest): Promise<M.GetObjectTaggingResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, key: req.key, query: subresource('tagging', req.versionId) });
  const doc = await wire.xml(res);
  return { ...base(res), versionId: res.headers['x-oss-version-id'], tagSet: tagSetOf(doc) };
}

export async function deleteObjectTagging(wire: Wire, req: M.DeleteObjectTaggingRequest): Promise<M.DeleteObjectTaggingResult> {
  return base(await wire.send({ method: 'DELETE', bucket: req.bucket, key: req.key, query: subresource('tagging', req.versionId) }));
}

export async function putBucketTags(wire: Wire, req: M.PutBucketTagsRequest): Promise<M.PutBucketTagsResult> {
  const body = taggingXml(req.tagging.tagSet);
  const headers = { 'content-md5': md5(body) };
  return base(await wire.send({ method: 'PUT', bucket: req.bucket, query: [['tagging', undefined]], headers, body }));
}

export async function getBucketTags(wire: Wire, req: M.GetBucketTagsRequest): Promise<M.GetBucketTagsResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: [['tagging', undefined]] });
  return { ...base(res), tagging: { tagSet: tagSetOf(await wire.xml(res)) } };
}

export async function deleteBucketTags(wire: Wire, req: M.DeleteBucketTagsRequest): Promise<M.DeleteBucketTagsResult> {
  return base(await wire.send({ method: 'DELETE', bucket: req.bucket, query: [['tagging', req.tagging]] }));
}
