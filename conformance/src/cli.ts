#!/usr/bin/env node
// oss-conformance: run the scenarios against a target through drivers, print a table, write reports.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Driver, Tag } from './model.js';
import { Run, selectScenarios } from './runner.js';
import { localOssIdentities, ramUsersOf, readRamUsersFile } from './ramUsers.js';
import { emulatorTarget, ossTarget, urlTarget, type Target } from './targets.js';
import { scenarios } from './scenarios/index.js';
import { RawDriver } from './drivers/raw.js';
import { ClientDriver } from './drivers/client.js';
import { PythonV2Driver } from './drivers/python-v2.js';
import { AliOssDriver } from './drivers/ali-oss.js';
import { GoV1Driver } from './drivers/go-v1.js';
import { OssClientDriver } from './drivers/oss-client.js';
import { OpenDalDriver } from './drivers/opendal.js';
import { consoleReport } from './report/console.js';
import { jsonReport, junitReport } from './report/files.js';
import { CorpusRun, corpusReport, formatCorpusAnswers, loadCorpus, type CorpusFile } from './corpus.js';
import { compare, comparisonReport, formatRecording, keepUnavailable, parseRecording, recordingOf, type Comparison, type Recording } from './recording.js';

const USAGE = `usage: oss-conformance [--target emulator|url|oss] [--driver client,ali-oss,raw,raw-v1,python-v2,oss-client,go-v1]
       [--endpoint URL --region R --access-key-id ID --access-key-secret S [--second-region R2]]   (url target)
       [--only copy-01,copy-02] [--tags copy,versioning] [--skip-tags slow]
       [--report junit=FILE] [--report json=FILE] [--allow-worm-lock]
       [--record FILE]    (write what the target answered, normalised, for a later --compare; a driver that cannot
                           run here keeps what FILE already holds for it)
       [--compare FILE]   (report every difference from a recording; exit code 1 when there is one)
       [--corpus DIR]     (replay the corpus of real answers, fixtures/recordings/real-oss, instead of the scenarios;
                           --only picks entry ids, --record FILE writes what the target answered to each entry;
                           --driver replays each entry's request through those drivers instead of raw)
       [--ram-users FILE]   (url/oss targets: key pairs of the RAM users the permission scenarios act as)
       --print-ram-policies | --print-local-oss-config   (print what the selected scenarios' RAM users need, and exit)
The oss target reads OSS_ACCESS_KEY_ID, OSS_ACCESS_KEY_SECRET, OSS_REGION [, OSS_ENDPOINT, OSS_REGION_2, OSS_ENDPOINT_2];
--ram-users defaults to OSS_CONFORMANCE_RAM_USERS.`;

/** The recording to write over FILE: FILE's answers stay for the drivers that could not run here. */
function rerecorded(file: string, recording: Recording): Recording {
  let previous: Recording;
  try {
    previous = parseRecording(readFileSync(file, 'utf8'), file);
  } catch {
    return recording; // no earlier recording there: nothing to keep
  }
  const { recording: merged, kept } = keepUnavailable(previous, recording);
  for (const [driver, n] of kept) console.log(`kept ${n} answer(s) of ${driver} from ${file}: ${driver} is not available here`);
  return merged;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      target: { type: 'string', default: 'emulator' },
      driver: { type: 'string' },
      endpoint: { type: 'string' },
      region: { type: 'string', default: 'cn-hangzhou' },
      'second-region': { type: 'string' },
      'access-key-id': { type: 'string', default: 'local-oss-access-key-id' },
      'access-key-secret': { type: 'string', default: 'local-oss-access-key-secret' },
      only: { type: 'string' },
      tags: { type: 'string' },
      'skip-tags': { type: 'string' },
      report: { type: 'string', multiple: true },
      'allow-worm-lock': { type: 'boolean' },
      'ram-users': { type: 'string' },
      record: { type: 'string' },
      compare: { type: 'string' },
      corpus: { type: 'string' },
      'print-ram-policies': { type: 'boolean' },
      'print-local-oss-config': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const list = (v?: string) => v?.split(',').map((x) => x.trim()).filter(Boolean);
  const selection = { only: list(values.only), tags: list(values.tags) as Tag[] | undefined, skipTags: list(values['skip-tags']) as Tag[] | undefined };
  if (values['print-ram-policies'] || values['print-local-oss-config']) {
    const users = ramUsersOf(selectScenarios(scenarios, selection));
    const doc = values['print-ram-policies'] ? Object.fromEntries(users.map((u) => [u.name, u.policy])) : localOssIdentities(users);
    console.log(JSON.stringify(doc, null, 2));
    return 0;
  }
  // Read before the run, so that a bad file fails in a second rather than after every scenario ran.
  const baseline = values.compare ? parseRecording(readFileSync(values.compare, 'utf8'), values.compare) : undefined;
  const ramUsersFile = values['ram-users'] ?? process.env.OSS_CONFORMANCE_RAM_USERS;
  const ramUsers = ramUsersFile ? readRamUsersFile(ramUsersFile) : undefined;
  const corpus = values.corpus ? loadCorpus(values.corpus) : undefined;
  let target: Target;
  // The corpus's captures were made on buckets that allowed public grants (before OSS's 2025-10-13 default): corpus.ts.
  if (values.target === 'emulator') target = await emulatorTarget(corpus ? { blockPublicAccessOnNewBuckets: false } : {});
  else if (values.target === 'url') {
    if (!values.endpoint) throw new Error('--target url needs --endpoint');
    target = urlTarget({
      endpoint: values.endpoint,
      region: values.region!,
      secondRegion: values['second-region'],
      accessKeyId: values['access-key-id']!,
      accessKeySecret: values['access-key-secret']!,
      ramUsers,
    });
  } else if (values.target === 'oss') target = ossTarget(process.env, ramUsers);
  else throw new Error(`unknown target ${values.target}\n${USAGE}`);

  const drivers: Driver[] = list(values.driver ?? 'client,raw')!.map((name) => {
    if (name === 'client') return new ClientDriver(target.info);
    if (name === 'raw') return new RawDriver(target.info, 'v4');
    if (name === 'raw-v1') return new RawDriver(target.info, 'v1');
    if (name === 'python-v2') return new PythonV2Driver(target.info);
    if (name === 'ali-oss') return new AliOssDriver(target.info);
    if (name === 'go-v1') return new GoV1Driver(target.info);
    if (name === 'oss-client') return new OssClientDriver(target.info);
    if (name === 'opendal') return new OpenDalDriver(target.info);
    throw new Error(`unknown driver ${name} (have: client, ali-oss, raw, raw-v1, python-v2, oss-client, go-v1, opendal)`);
  });
  // The corpus replays through the raw driver unless --driver names others (each entry's request, setups raw).
  if (corpus) return runCorpus(target, corpus, selection.only, values.record, values.driver === undefined ? [undefined] : drivers);

  const run = new Run({
    target: target.info,
    drivers,
    scenarios,
    ...selection,
    allowWormLock: values['allow-worm-lock'],
    onPlan: announceBuckets(target),
  });
  cleanupOnSignal(run);
  try {
    const results = await run.execute();
    console.log(consoleReport(results));
    const recording = recordingOf(target.info, results);
    if (values.record) writeFileSync(values.record, formatRecording(rerecorded(values.record, recording)));
    let comparison: Comparison | undefined;
    if (baseline) {
      comparison = compare(baseline, recording);
      console.log(`\ncompared with ${values.compare} (${baseline.target.name}):\n${comparisonReport(comparison)}`);
    }
    for (const spec of values.report ?? []) {
      const [kind, file] = spec.split('=');
      if (!file) throw new Error(`--report ${spec}: expected junit=FILE or json=FILE`);
      writeFileSync(file, kind === 'junit' ? junitReport(results) : jsonReport(target.info, results, comparison));
    }
    return results.some((r) => r.status === 'fail') || (comparison?.differences.length ?? 0) > 0 ? 1 : 0;
  } finally {
    await target.close();
  }
}

/** On real OSS, the buckets a run will create are named before it starts. */
function announceBuckets(target: Target): (buckets: string[]) => void {
  return (buckets) => {
    if (target.info.real) console.log(`will create (and delete afterwards) these buckets:\n  ${buckets.join('\n  ')}`);
  };
}

/** Interrupted runs still delete what they created. */
function cleanupOnSignal(run: { cleanup(): Promise<unknown> }): void {
  const onSignal = () => {
    void run.cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}

/** `--corpus DIR`: each entry replayed through the raw driver; exit code 1 when any real answer differs. */
async function runCorpus(target: Target, files: CorpusFile[], only: string[] | undefined, record: string | undefined, drivers: (Driver | undefined)[]): Promise<number> {
  let failed = false;
  const all = [];
  try {
    for (const driver of drivers) {
      const why = await driver?.unavailable();
      if (why) {
        console.log(`corpus through ${driver!.name}: not run (${why})`);
        continue;
      }
      const run = new CorpusRun({ target: target.info, files, only, driver, onPlan: announceBuckets(target) });
      cleanupOnSignal(run);
      try {
        const results = await run.execute();
        console.log(corpusReport(results));
        failed ||= results.some((r) => r.status === 'fail');
        all.push(...results);
      } finally {
        await driver?.close?.();
      }
    }
    if (record) writeFileSync(record, formatCorpusAnswers(target.info, all));
    return failed ? 1 : 0;
  } finally {
    await target.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`oss-conformance: ${err.message}`);
    process.exit(2);
  },
);
