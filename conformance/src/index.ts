// @local-oss/conformance: scenarios, drivers, targets and the runner, for programmatic use (e.g. in vitest).
export * from './model.js';
export * from './runner.js';
export * from './targets.js';
export * from './scenarios/index.js'; // `scenarios` (all, in order) and each area's list
export { ramUsersOf, emulatorKeyPair, localOssIdentities, readRamUsersFile } from './ramUsers.js';
export { RawDriver } from './drivers/raw.js';
export { ClientDriver } from './drivers/client.js';
export { PythonV2Driver } from './drivers/python-v2.js';
export { findPythonSdkV2, locatePythonSdkV2, PY2_SDK_ENV, PY2_SDK_HOW } from './pythonSdk.js';
export type { PythonSdkV2, PythonSdkV2Lookup } from './pythonSdk.js';
export { AliOssDriver } from './drivers/ali-oss.js';
export { GoV1Driver, locateGoV1, buildGoV1Adapter, goV1Adapter, DEBIAN_GOPATH, GO_V1_HOW } from './drivers/go-v1.js';
export type { GoToolchain } from './drivers/go-v1.js';
export { OssClientDriver, virtualHostEndpoint, localhostSubdomainsUnresolved } from './drivers/oss-client.js';
export { OpenDalDriver, openDalKeeps } from './drivers/opendal.js';
export { StdioAdapterDriver, type AdapterCommand } from './drivers/stdioAdapter.js';
export { consoleReport } from './report/console.js';
export { jsonReport, junitReport } from './report/files.js';
export { Masker, maskOutcome, recordingOf, formatRecording, parseRecording, compare, comparisonReport, keepUnavailable, RECORDING_FORMAT } from './recording.js';
export type { Answer, Recording, RecordedScenario, Difference, Comparison } from './recording.js';
export { CorpusRun, loadCorpus, corpusReport, formatCorpusAnswers, flattenXml, sourceText, CORPUS_FORMAT } from './corpus.js';
export type { CorpusEntry, CorpusFile, CorpusResult, CorpusDifference, Step, Expect, Match, Source } from './corpus.js';
export { deleteBuckets } from './runner.js';
export { DOCUMENTS, documentXml, isDocumentApi, resultOf, type DocumentApi, type DocumentSpec } from './documents.js';
export { documentWire, wireOf, type Wire } from './drivers/rawWire.js';
