// What a data directory holds, read through the OSS API only: every bucket with its settings, every version of
// every object with its bytes (as a SHA-256), headers, metadata, tags, ACL and retention. The schema-fixture
// generator (make-schema-fixture.mjs) records these facts from the emulator version that wrote the database; the
// upgrade test (emulator/test/store/upgrade.test.ts) reads them again with the current code and compares
// (issue 26 item 4). One reader for both, so the two sides cannot drift apart.
import { createHash } from 'node:crypto';

/** Runs `op`; an API that version did not serve (or a setting never made) reads as undefined. */
async function optional(op) {
  try {
    return await op();
  } catch (err) {
    if (err && typeof err.code === 'string') return { absent: err.code };
    throw err;
  }
}

// Whole seconds: what a date means. Early versions rendered some dates with milliseconds, which real OSS does not
// (evidence sdk-suites: oss2 rejects them); the stored time is the same.
const dateOf = (d) => (d instanceof Date ? new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString() : d);

async function objectFacts(client, bucket, v) {
  const target = { bucket, key: v.key, versionId: v.versionId };
  const got = await client.getObject(target);
  const bytes = await got.content();
  const tags = await optional(async () => (await client.getObjectTagging(target)).tagSet);
  const acl = await optional(async () => (await client.getObjectAcl(target)).acl);
  const retention = await optional(async () => (await client.getObjectRetention(target)).retention);
  const legalHold = await optional(async () => (await client.getObjectLegalHold(target)).legalHold);
  return {
    key: v.key,
    versionId: v.versionId,
    isLatest: v.isLatest,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    etag: got.etag,
    hashCrc64: got.hashCrc64,
    lastModified: dateOf(got.lastModified),
    contentType: got.contentType,
    cacheControl: got.cacheControl,
    contentDisposition: got.contentDisposition,
    objectType: got.objectType,
    storageClass: got.storageClass,
    nextAppendPosition: got.nextAppendPosition,
    serverSideEncryption: got.serverSideEncryption,
    serverSideEncryptionKeyId: got.serverSideEncryptionKeyId,
    metadata: got.metadata,
    tags,
    acl,
    retention,
    legalHold,
  };
}

async function allVersions(client, bucket) {
  const versions = [];
  const deleteMarkers = [];
  let keyMarker;
  let versionIdMarker;
  for (;;) {
    const page = await client.listObjectVersions({ bucket, keyMarker, versionIdMarker, maxKeys: 100 });
    versions.push(...page.versions);
    deleteMarkers.push(...page.deleteMarkers);
    if (!page.isTruncated) break;
    keyMarker = page.nextKeyMarker;
    versionIdMarker = page.nextVersionIdMarker;
  }
  return { versions, deleteMarkers };
}

/** Every fact of the data directory behind `client`, in a stable order. */
export async function schemaFacts(client) {
  const buckets = (await client.listBuckets({})).buckets.map((b) => b.name).sort();
  const out = [];
  for (const bucket of buckets) {
    const info = (await client.getBucketInfo({ bucket })).bucketInfo;
    const { versions, deleteMarkers } = await allVersions(client, bucket);
    const objects = [];
    for (const v of versions) objects.push(await objectFacts(client, bucket, v));
    out.push({
      name: bucket,
      location: info.location,
      creationDate: dateOf(info.creationDate),
      acl: info.acl,
      storageClass: info.storageClass,
      versioning: info.versioning,
      worm: await optional(async () => {
        const w = (await client.getBucketWorm({ bucket })).wormConfiguration;
        return { wormId: w.wormId, state: w.state, retentionPeriodInDays: w.retentionPeriodInDays, creationDate: w.creationDate };
      }),
      objectWorm: await optional(async () => (await client.getBucketObjectWormConfiguration({ bucket })).objectWormConfiguration),
      tags: await optional(async () => (await client.getBucketTags({ bucket })).tagging.tagSet),
      encryption: await optional(async () => (await client.getBucketEncryption({ bucket })).serverSideEncryptionRule),
      objects,
      deleteMarkers: deleteMarkers.map((d) => ({ key: d.key, versionId: d.versionId, isLatest: d.isLatest, lastModified: dateOf(d.lastModified) })),
    });
  }
  return { buckets: out };
}
