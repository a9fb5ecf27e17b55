// client: our OssClient (the Python SDK v2's API in camelCase).
import { OssClient, OssServiceError } from '@local-oss/client';
import type { Api, Credentials, Driver, Outcome, Params, TargetInfo } from '../model.js';

const RAW_ONLY: (keyof Params)[] = ['copySourceRaw', 'signWithSecret', 'signWithAccessKeyId', 'rawHeaders', 'afterSigning'];

export class ClientDriver implements Driver {
  readonly name = 'client';
  private readonly clients = new Map<string, OssClient>();

  constructor(private readonly target: TargetInfo) {}

  async unavailable(): Promise<string | undefined> {
    return undefined;
  }

  withCredentials(credentials: Credentials): ClientDriver {
    return new ClientDriver({ ...this.target, ...credentials });
  }

  cannot(_api: Api, p: Params): string | undefined {
    const raw = RAW_ONLY.find((k) => p[k] !== undefined);
    return raw ? `the client always builds ${raw === 'rawHeaders' ? 'its own headers' : 'the request itself'} (${raw})` : undefined;
  }

  private client(region = this.target.region): OssClient {
    let c = this.clients.get(region);
    if (!c) {
      const second = region === this.target.secondRegion && this.target.secondEndpoint;
      c = new OssClient({
        endpoint: second ? this.target.secondEndpoint! : this.target.endpoint,
        region,
        credentials: { accessKeyId: this.target.accessKeyId, accessKeySecret: this.target.accessKeySecret },
      });
      this.clients.set(region, c);
    }
    return c;
  }

  async call(api: Api, p: Params): Promise<Outcome> {
    const c = this.client(p.region);
    const bucket = p.bucket;
    const key = p.key ?? '';
    try {
      switch (api) {
        case 'PutBucket':
          return ok(await c.putBucket({ bucket, acl: p.acl as never }));
        case 'DeleteBucket':
          return ok(await c.deleteBucket({ bucket }));
        case 'PutBucketVersioning':
          return ok(await c.putBucketVersioning({ bucket, versioningConfiguration: { status: p.status! } }));
        case 'PutObject':
          return ok(await c.putObject({ ...p, key, body: p.body ?? '' }));
        case 'GetObject': {
          const r = await c.getObject({ bucket, key, versionId: p.versionId });
          return { ...ok(r), body: await r.content() };
        }
        case 'HeadObject':
          return ok(await c.headObject({ bucket, key, versionId: p.versionId }));
        case 'DeleteObject':
          return ok(await c.deleteObject({ bucket, key, versionId: p.versionId }));
        case 'CopyObject': {
          const r = await c.copyObject({ ...p, key, sourceKey: p.sourceKey! });
          return { ...ok(r), data: { etag: r.etag, lastModified: r.lastModified?.toISOString() } };
        }
        case 'GetObjectAcl': {
          const r = await c.getObjectAcl({ bucket, key, versionId: p.versionId });
          return { ...ok(r), data: { acl: r.acl } };
        }
        case 'GetObjectTagging': {
          const r = await c.getObjectTagging({ bucket, key, versionId: p.versionId });
          return { ...ok(r), data: { tags: r.tagSet } };
        }
        case 'ListObjectVersions': {
          const r = await c.listObjectVersions({ bucket, maxKeys: 1000 });
          const map = (deleteMarker: boolean) => (v: { key: string; versionId?: string; isLatest?: boolean }) => ({
            key: v.key,
            versionId: v.versionId ?? '',
            isLatest: v.isLatest ?? false,
            deleteMarker,
          });
          return { ...ok(r), data: { versions: [...r.versions.map(map(false)), ...r.deleteMarkers.map(map(true))] } };
        }
        case 'InitiateBucketWorm': {
          const r = await c.initiateBucketWorm({ bucket, retentionPeriodInDays: p.retentionPeriodInDays! });
          return { ...ok(r), data: { wormId: r.wormId } };
        }
        case 'CompleteBucketWorm':
          return ok(await c.completeBucketWorm({ bucket, wormId: p.wormId! }));
        case 'AbortBucketWorm':
          return ok(await c.abortBucketWorm({ bucket }));
        case 'GetBucketWorm': {
          const r = await c.getBucketWorm({ bucket });
          return { ...ok(r), data: { wormId: r.wormConfiguration.wormId, wormState: r.wormConfiguration.state } };
        }
      }
    } catch (err) {
      if (err instanceof OssServiceError) {
        return {
          status: err.status,
          code: err.code === 'BadErrorResponse' || err.status === 304 ? undefined : err.code,
          message: err.details.Message,
          ec: err.ec,
          requestId: err.requestId,
          headers: err.headers,
        };
      }
      throw err;
    }
  }
}

function ok(r: { statusCode: number; requestId: string; headers: Record<string, string> }): Outcome {
  return { status: r.statusCode, requestId: r.requestId, headers: r.headers };
}
