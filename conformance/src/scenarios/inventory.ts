// Inventory report scenarios (behaviour §14.19.1): a configuration put through the driver under test, a report
// written now by the emulator's admin API (real OSS writes Daily or Weekly, which no run can wait for: skipped there),
// and the manifest read back through the driver. The CSV itself is the emulator's own test
// (emulator/test/http/inventoryReport.test.ts): its gzip length changes with the run's bucket names.
import type { Scenario } from '../model.js';
import { eq, ok, truthy } from './expect.js';

const s = (n: number) => `inventory-report-${String(n).padStart(2, '0')}`;

interface RunReport {
  reports: { bucket: string; id: string; manifest: string; rows: number }[];
}

export const inventoryScenarios: Scenario[] = [
  {
    id: s(1),
    title: "An inventory report: <prefix>/<src>/<id>/<YYYY-MM-DDTHH-MMZ>/manifest.json naming the data file and the CSV's columns",
    tags: ['inventory', 'needs-admin'],
    async run(ctx) {
      // User guide "Bucket inventory" (doc-detail/163489): the layout and manifest.json's fileSchema.
      const bucket = await ctx.freshBucket('is');
      const dest = await ctx.freshBucket('id');
      ok(await ctx.call('PutObject', { bucket, key: 'a.txt', body: 'one' }));
      ok(await ctx.call('PutObject', { bucket, key: 'b.txt', body: 'two' }));
      // The configuration as the bucket-config scenarios send it (documents.ts, PY2's InventoryConfiguration model).
      const inventoryConfiguration = {
        id: 'report1',
        isEnabled: true,
        destination: { ossBucketDestination: { format: 'CSV', accountId: '1000000000000000', roleArn: 'acs:ram::1000000000000000:role/AliyunOSSRole', bucket: `acs:oss:::${dest}`, prefix: 'inv' } },
        schedule: { frequency: 'Daily' },
        includedObjectVersions: 'Current',
        optionalFields: { fields: ['Size', 'ETag', 'StorageClass'] },
      };
      ok(await ctx.call('PutBucketInventory', { bucket, request: { inventoryId: 'report1', inventoryConfiguration } }));
      const report = (await ctx.admin('inventory/run')) as RunReport;
      const mine = report.reports.find((r) => r.bucket === bucket);
      truthy(mine, 'a report for the bucket');
      eq(mine!.rows, 2, 'rows');
      truthy(new RegExp(`^inv/${bucket}/report1/\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\dZ/manifest\\.json$`).test(mine!.manifest), `the manifest key ${mine!.manifest}`);
      const got = ok(await ctx.call('GetObject', { bucket: dest, key: mine!.manifest }));
      const manifest = JSON.parse(got.body!.toString()) as { destinationBucket: string; sourceBucket: string; fileFormat: string; fileSchema: string; files: { key: string }[] };
      eq([manifest.destinationBucket === dest, manifest.sourceBucket === bucket, manifest.fileFormat, manifest.fileSchema], [true, true, 'CSV', 'Bucket, Key, Size, ETag, StorageClass'], 'the manifest');
      eq(manifest.files.map((f) => new RegExp(`^inv/${bucket}/report1/data/[0-9a-f-]{36}\\.csv\\.gz$`).test(f.key)), [true], 'the data file key');
    },
  },
];
