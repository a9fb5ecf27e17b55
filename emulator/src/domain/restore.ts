// Archive storage and RestoreObject (behaviour §9.10). The restore state of an object is computed from the times
// stored with it and the emulator's clock, never from timers: a restore is `ongoing` until its tier's delay has
// passed, then `restored` until Days after completion, then back to frozen. Sources: PY2 tests/integration
// test_client.py test_restore_object* (202, then 409 RestoreAlreadyInProgress "The restore operation is in
// progress.", x-oss-object-restore-priority), PY2 models/object_basic.py RestoreRequest (Days, JobParameters Tier;
// `tier` is also sent as a top-level Tier by older callers), the OSS RestoreObject doc (x-oss-restore values,
// 200 when a restored copy exists, Days 1–7 for Archive and 1–365 for the cold classes).

import { OssError, invalidArgument } from './errors.js';

/** Storage classes whose bytes cannot be read before a restore. */
export const FROZEN_CLASSES: ReadonlySet<string> = new Set(['Archive', 'ColdArchive', 'DeepColdArchive']);

/** Tiers (JobParameters Tier): ColdArchive and DeepColdArchive take Expedited | Standard | Bulk; Archive has none. */
export const TIERS = ['Expedited', 'Standard', 'Bulk'] as const;
export type Tier = (typeof TIERS)[number];

/** What is stored with an object version once RestoreObject started. */
export interface RestoreRecord {
  /** When RestoreObject started (ms, emulator clock). */
  startedAt: number;
  days: number;
  /** The tier asked for (ColdArchive/DeepColdArchive); undefined for Archive. */
  tier?: Tier;
}

/** Seconds a restore takes, per tier (`archive` for Archive objects). Configurable: --restore-delay. */
export interface RestoreDelays {
  archive: number;
  Expedited: number;
  Standard: number;
  Bulk: number;
}

/** [I] Real OSS takes minutes to hours; an emulator answers within seconds so a test can wait or move the clock. */
export const DEFAULT_RESTORE_DELAYS: RestoreDelays = { archive: 10, Expedited: 5, Standard: 10, Bulk: 30 };

const DAY_MS = 86_400_000;

export type RestoreState =
  | { kind: 'frozen' }
  | { kind: 'ongoing' }
  | { kind: 'restored'; expiresAt: number };

function delayMs(r: RestoreRecord, delays: RestoreDelays): number {
  return 1000 * (r.tier === undefined ? delays.archive : delays[r.tier]);
}

/** The state of a stored restore at `now`. */
export function restoreState(r: RestoreRecord | undefined, now: number, delays: RestoreDelays): RestoreState {
  if (r === undefined) return { kind: 'frozen' };
  const doneAt = r.startedAt + delayMs(r, delays);
  if (now < doneAt) return { kind: 'ongoing' };
  const expiresAt = doneAt + r.days * DAY_MS;
  return now < expiresAt ? { kind: 'restored', expiresAt } : { kind: 'frozen' };
}

/** Whether GetObject / CopyObject may read the bytes (a standard class, or a restored copy). */
export function isReadable(storageClass: string, r: RestoreRecord | undefined, now: number, delays: RestoreDelays): boolean {
  return !FROZEN_CLASSES.has(storageClass) || restoreState(r, now, delays).kind === 'restored';
}

/** The x-oss-restore header (HeadObject) and the RestoreInfo element (listings); undefined when none applies. */
export function restoreHeader(state: RestoreState, httpDate: (ms: number) => string): string | undefined {
  if (state.kind === 'ongoing') return 'ongoing-request="true"';
  if (state.kind === 'restored') return `ongoing-request="false", expiry-date="${httpDate(state.expiresAt)}"`;
  return undefined;
}

export type RestoreDecision =
  | { kind: 'start'; record: RestoreRecord; status: 202 }
  | { kind: 'extend'; record: RestoreRecord; status: 200 }
  | { kind: 'refuse'; error: 'OperationNotSupportedRestore' | 'RestoreAlreadyInProgress' | 'MalformedXML' };

/**
 * What RestoreObject does: an object not in a frozen class is refused (OSS: 400 OperationNotSupported); a running
 * restore is 409; a restored copy answers 200 and its Days count again from now [I: the doc says the restored
 * period is extended]; otherwise a new restore starts (202). A tier for an Archive object is 400 MalformedXML (oss2
 * tests/test_object.py test_restore_archive_object_with_job_parameters, run against real OSS).
 */
export function planRestore(
  storageClass: string,
  current: RestoreRecord | undefined,
  request: { days: number; tier?: Tier },
  now: number,
  delays: RestoreDelays,
): RestoreDecision {
  if (!FROZEN_CLASSES.has(storageClass)) return { kind: 'refuse', error: 'OperationNotSupportedRestore' };
  if (storageClass === 'Archive' && request.tier !== undefined) return { kind: 'refuse', error: 'MalformedXML' };
  const tier = storageClass === 'Archive' ? undefined : (request.tier ?? 'Standard');
  const state = restoreState(current, now, delays);
  if (state.kind === 'ongoing') return { kind: 'refuse', error: 'RestoreAlreadyInProgress' };
  if (state.kind === 'restored') {
    // Keep the completion time, so the copy stays readable; Days then run from now.
    const done = current!.startedAt + delayMs(current!, delays);
    const days = (now - done) / DAY_MS + request.days;
    return { kind: 'extend', record: { ...current!, days }, status: 200 };
  }
  return { kind: 'start', record: { startedAt: now, days: request.days, ...(tier ? { tier } : {}) }, status: 202 };
}

/** Parses a --restore-delay value: `SECONDS` for every tier, or `archive=10,Expedited=5,Standard=10,Bulk=30`. */
export function parseRestoreDelays(text: string): RestoreDelays {
  const out = { ...DEFAULT_RESTORE_DELAYS };
  if (/^\d+(\.\d+)?$/.test(text)) {
    const s = Number(text);
    return { archive: s, Expedited: s, Standard: s, Bulk: s };
  }
  for (const part of text.split(',')) {
    const [name, value] = part.split('=');
    if (!name || !(name in out) || value === undefined || !/^\d+(\.\d+)?$/.test(value)) {
      throw new Error(`invalid restore delay ${JSON.stringify(part)}`);
    }
    out[name as keyof RestoreDelays] = Number(value);
  }
  return out;
}

/**
 * The RestoreRequest body: no body restores for 1 day [I: PY2 test_restore_object sends none and real OSS accepts
 * it]; Days a positive integer; Tier under JobParameters (PY2 RestoreRequest serialises `tier` there too).
 */
export function parseRestoreRequest(doc: Record<string, unknown> | undefined): { days: number; tier?: Tier } {
  if (doc === undefined) return { days: 1 };
  const root = doc.RestoreRequest;
  if (root === undefined || root === null) throw new OssError('MalformedXML');
  if (root === '') return { days: 1 };
  if (typeof root !== 'object') throw new OssError('MalformedXML');
  const r = root as Record<string, unknown>;
  const daysText = r.Days === undefined ? '1' : String(r.Days);
  if (!/^\d+$/.test(daysText) || Number(daysText) < 1 || Number(daysText) > 365) {
    throw invalidArgument('InvalidArgumentRestoreDays', 'Days', daysText);
  }
  const job = r.JobParameters;
  const tierValue = job !== null && typeof job === 'object' ? (job as Record<string, unknown>).Tier : r.Tier;
  if (tierValue === undefined) return { days: Number(daysText) };
  const tier = String(tierValue);
  if (!(TIERS as readonly string[]).includes(tier)) throw invalidArgument('InvalidArgumentRestoreTier', 'Tier', tier);
  return { days: Number(daysText), tier: tier as Tier };
}

/**
 * CleanRestoredObject: only a restored copy can be cleaned. Codes captured by PY2 tests/integration/
 * test_clean_restored_object_client.py (real OSS): nothing restored → 409 ArchiveRestoreFileStale, a restore
 * still running → 409 ArchiveRestoreNotFinished. A Standard/IA object is refused like RestoreObject [I].
 */
export function planClean(
  storageClass: string,
  current: RestoreRecord | undefined,
  now: number,
  delays: RestoreDelays,
): 'clean' | 'OperationNotSupportedRestore' | 'ArchiveRestoreFileStale' | 'ArchiveRestoreNotFinished' {
  if (!FROZEN_CLASSES.has(storageClass)) return 'OperationNotSupportedRestore';
  const state = restoreState(current, now, delays);
  if (state.kind === 'ongoing') return 'ArchiveRestoreNotFinished';
  if (state.kind === 'frozen') return 'ArchiveRestoreFileStale';
  return 'clean';
}
