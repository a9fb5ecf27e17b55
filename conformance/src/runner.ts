// Runs scenarios × drivers against one target. Each driver gets its own buckets (named with a fixed prefix and
// a random part, so a real account is never touched elsewhere) and the `src` object of behaviour §10; everything the
// run created is deleted at the end, also when a scenario fails or the run is interrupted.
import { randomBytes } from 'node:crypto';
import { crc64 } from '@local-oss/client';
import type { Api, Driver, Outcome, Params, Scenario, ScenarioContext, Tag, TargetInfo } from './model.js';
import { RawDriver } from './drivers/raw.js';
import { Masker, maskOutcome, type Answer } from './recording.js';

export const BUCKET_PREFIX = 'local-oss-conf';

export type Status = 'pass' | 'fail' | 'skip' | 'recorded';

export interface Result {
  scenario: string;
  title: string;
  driver: string;
  status: Status;
  reason?: string;
  /** Skipped because the driver cannot run here at all (its SDK is not installed …): nothing learned, nothing refuted. */
  unavailable?: true;
  recorded?: Record<string, unknown>;
  /** Every call the scenario made and what came back, masked for recordings (recording.ts). */
  answers?: Answer[];
  ms: number;
}

export interface RunOptions {
  target: TargetInfo;
  drivers: Driver[];
  scenarios: Scenario[];
  only?: string[];
  tags?: Tag[];
  skipTags?: Tag[];
  /** Scenarios that lock a WORM policy (a locked bucket cannot be deleted on real OSS) run only when set. */
  allowWormLock?: boolean;
  onResult?(r: Result): void;
  /** Called with the bucket names before anything is created. */
  onPlan?(buckets: string[]): void;
}

class Skip extends Error {}

export function selectScenarios(all: Scenario[], o: Pick<RunOptions, 'only' | 'tags' | 'skipTags'>): Scenario[] {
  return all.filter(
    (s) =>
      (!o.only?.length || o.only.includes(s.id)) &&
      (!o.tags?.length || o.tags.some((t) => s.tags.includes(t))) &&
      !(o.skipTags ?? []).some((t) => s.tags.includes(t)),
  );
}

/** Bucket names of a run: valid OSS names (≤ 63 chars), unique per run and driver. */
export function bucketName(runId: string, driver: string, label: string): string {
  return `${BUCKET_PREFIX}-${runId}-${driver.replace(/[^a-z0-9]/g, '')}-${label}`.slice(0, 63).replace(/-+$/, '');
}

const SRC_HEADERS: Params = {
  bucket: '',
  contentType: 'text/plain',
  contentDisposition: 'attachment;filename=a.txt',
  contentEncoding: 'deflate',
  cacheControl: 'no-cache',
  expires: 'Wed, 08 Jul 2022 16:57:01 GMT',
  contentLanguage: 'en-US',
  metadata: { auth: 'owner', version: '1.01' },
  tagging: 'TagA=A&TagB=B',
  acl: 'public-read',
};

/** What every scenario of one driver shares: the driver, the target, the run's buckets and the `src` object. */
type Fixtures = Omit<ScenarioContext, 'call' | 'key' | 'record' | 'freshBucket' | 'ownBucketName' | 'as' | 'admin'>;

export class Run {
  readonly runId = randomBytes(3).toString('hex');
  private readonly created: { bucket: string; region?: string }[] = [];
  private readonly admin: RawDriver;

  constructor(private readonly o: RunOptions) {
    this.admin = new RawDriver(o.target);
  }

  private async must(api: Api, p: Params, status = 200): Promise<Outcome> {
    const out = await this.admin.call(api, p);
    if (out.status !== status) throw new Error(`setup ${api} ${p.bucket}/${p.key ?? ''}: ${out.status} ${out.code ?? ''} ${out.message ?? ''}`);
    return out;
  }

  /**
   * A run's bucket allows public grants, as the SDKs' own live tests set theirs up (PY2 tests/integration test_client
   * test_bucket_acl puts BlockPublicAccess false first): since 2025-10-13 a new OSS bucket blocks them (behaviour
   * §14.15), and the ACL, anonymous-access and copy scenarios grant public reads.
   */
  private async createBucket(bucket: string, region?: string): Promise<string> {
    this.created.push({ bucket, region });
    await this.must('PutBucket', { bucket, region });
    const xml = '<PublicAccessBlockConfiguration><BlockPublicAccess>false</BlockPublicAccess></PublicAccessBlockConfiguration>';
    const off = await this.admin.send({ method: 'PUT', bucket, query: [['publicAccessBlock', undefined]], headers: { 'content-type': 'application/xml' }, body: xml }, region ? { region } : {});
    if (off.status !== 200) throw new Error(`setup PutBucketPublicAccessBlock ${bucket}: ${off.status} ${off.body.toString()}`);
    return bucket;
  }

  async execute(): Promise<Result[]> {
    const scenarios = selectScenarios(this.o.scenarios, this.o);
    const results: Result[] = [];
    const report = (r: Result) => {
      results.push(r);
      this.o.onResult?.(r);
    };
    const labels = ['b1', 'b2', 'bv', 'bs', ...(this.o.target.secondRegion ? ['bx'] : [])];
    this.o.onPlan?.(this.o.drivers.flatMap((d) => labels.map((l) => bucketName(this.runId, d.name, l))));
    try {
      for (const driver of this.o.drivers) {
        const unavailable = await driver.unavailable();
        if (unavailable) {
          for (const s of scenarios) report({ scenario: s.id, title: s.title, driver: driver.name, status: 'skip', reason: unavailable, unavailable: true, ms: 0 });
          continue;
        }
        const ctx = await this.fixtures(driver);
        for (const s of scenarios) report(await this.one(s, driver, ctx));
        await driver.close?.();
      }
    } finally {
      await this.cleanup();
    }
    return results;
  }

  private async fixtures(driver: Driver): Promise<Fixtures> {
    const name = (l: string) => bucketName(this.runId, driver.name, l);
    const t = this.o.target;
    const B1 = await this.createBucket(name('b1'));
    const B2 = await this.createBucket(name('b2'));
    const BV = await this.createBucket(name('bv'));
    await this.must('PutBucketVersioning', { bucket: BV, status: 'Enabled' });
    const BS = await this.createBucket(name('bs'));
    await this.must('PutBucketVersioning', { bucket: BS, status: 'Enabled' });
    await this.must('PutBucketVersioning', { bucket: BS, status: 'Suspended' });
    const BX = t.secondRegion ? await this.createBucket(name('bx'), t.secondRegion) : undefined;
    const body = randomBytes(1000);
    const key = 'src';
    const put = await this.must('PutObject', { ...SRC_HEADERS, bucket: B1, key, body });
    const head = await this.must('HeadObject', { bucket: B1, key });
    return {
      driver,
      target: t,
      buckets: { B1, B2, BV, BS, BX },
      src: { key, body, etag: put.headers.etag!, crc64: crc64(body).toString(), lastModified: head.headers['last-modified']! },
    };
  }

  private async one(s: Scenario, driver: Driver, base: Fixtures): Promise<Result> {
    const t0 = Date.now();
    const result = (status: Status, extra: Partial<Result> = {}): Result => ({ scenario: s.id, title: s.title, driver: driver.name, status, ms: Date.now() - t0, ...extra });
    if (s.tags.includes('needs-second-region') && !base.buckets.BX) return result('skip', { reason: 'the target has no second region' });
    if (s.tags.includes('destructive-worm-lock') && this.o.target.real && !this.o.allowWormLock) {
      return result('skip', { reason: 'locks a WORM policy; run with --allow-worm-lock' });
    }
    const missingUsers = (s.ramUsers ?? []).filter((u) => !this.o.target.ramUsers?.[u.name]).map((u) => u.name);
    if (missingUsers.length > 0) {
      return result('skip', {
        reason: `needs RAM users the suite cannot create here (${missingUsers.join(', ')}): pass --ram-users FILE with their key pairs, policies from --print-ram-policies (conformance/README.md)`,
      });
    }
    const recorded: Record<string, unknown> = {};
    const answers: Answer[] = [];
    const masker = new Masker(driver.name, { [base.src.etag.replace(/"/g, '')]: '{src-etag}', [base.src.crc64]: '{src-crc64}' });
    const answer = async (api: Api, p: Params, d: Driver): Promise<Outcome> => {
      const o = await d.call(api, p);
      answers.push(maskOutcome(api, o, masker));
      return o;
    };
    let n = 0;
    // One driver per RAM user for this scenario, closed when it ends (python-v2 runs a process per identity).
    const identities = new Map<string, Promise<Driver>>();
    const identity = async (user: string): Promise<Driver> => {
      const credentials = this.o.target.ramUsers?.[user];
      if (!s.ramUsers?.some((u) => u.name === user) || credentials === undefined) throw new Error(`${s.id} does not declare the RAM user ${user}`);
      if (driver.withCredentials === undefined) throw new Skip(`${driver.name} cannot express this: it cannot sign as another identity`);
      let d = identities.get(user);
      if (d === undefined) identities.set(user, (d = Promise.resolve(driver.withCredentials(credentials))));
      const why = await (await d).unavailable();
      if (why) throw new Skip(why);
      return d;
    };
    const ctx: ScenarioContext = {
      ...base,
      call: (api, p) => {
        const why = driver.cannot(api, p);
        if (why) throw new Skip(`${driver.name} cannot express this: ${why}`);
        return answer(api, p, driver);
      },
      key: (label) => `${s.id}/${driver.name}/${label}-${n++}`,
      record: (name, value) => {
        recorded[name] = masker.data(value, name);
      },
      freshBucket: (label) => this.createBucket(bucketName(this.runId, driver.name, `${s.id.replace('copy-', 'c')}-${label}`)),
      ownBucketName: (label) => {
        const bucket = bucketName(this.runId, driver.name, label);
        this.created.push({ bucket });
        return bucket;
      },
      admin: async (path) => {
        if (this.o.target.real) throw new Skip('real OSS has no admin API (an emulator-only step)');
        const res = await fetch(`${this.o.target.endpoint}/-/${path}`, { method: 'POST' });
        if (res.status !== 200) throw new Error(`POST /-/${path}: ${res.status}`);
        return res.json();
      },
      as: (user) => ({
        call: async (api, p) => {
          const d = await identity(user);
          const why = d.cannot(api, p);
          if (why) throw new Skip(`${driver.name} cannot express this: ${why}`);
          return answer(api, p, d);
        },
      }),
    };
    try {
      await s.run(ctx);
      if (Object.keys(recorded).length > 0) return result(s.tags.includes('discovery') ? 'recorded' : 'pass', { recorded, answers });
      return result('pass', { answers });
    } catch (err) {
      if (err instanceof Skip) return result('skip', { reason: err.message });
      return result('fail', { reason: (err as Error).message, answers, ...(Object.keys(recorded).length ? { recorded } : {}) });
    } finally {
      for (const d of identities.values()) await (await d).close?.();
    }
  }

  /** Deletes every object version, upload and bucket this run created (best effort, never throws). */
  async cleanup(): Promise<void> {
    await deleteBuckets(this.admin, this.created.splice(0).reverse());
  }
}

/**
 * Deletes each bucket with every object version and unfinished upload in it, in the order given (best effort,
 * never throws): what a run created, on any target. The corpus (corpus.ts) cleans up with it too.
 */
export async function deleteBuckets(admin: Driver, buckets: { bucket: string; region?: string }[]): Promise<void> {
  for (const { bucket, region } of buckets) {
    try {
      await admin.call('AbortBucketWorm', { bucket, region });
      // OSS refuses to delete a bucket with unfinished multipart uploads (a scenario may die mid-upload).
      for (let page = 0; page < 100; page++) {
        const uploads = (await admin.call('ListMultipartUploads', { bucket, region })).data?.uploads ?? [];
        if (uploads.length === 0) break;
        for (const u of uploads) await admin.call('AbortMultipartUpload', { bucket, region, key: u.key, uploadId: u.uploadId });
      }
      for (let page = 0; page < 100; page++) {
        const versions = (await admin.call('ListObjectVersions', { bucket, region })).data?.versions ?? [];
        if (versions.length === 0) break;
        for (const v of versions) await admin.call('DeleteObject', { bucket, region, key: v.key, versionId: v.versionId });
      }
      await admin.call('DeleteBucket', { bucket, region });
    } catch {
      // keep going: the rest still needs deleting
    }
  }
}
