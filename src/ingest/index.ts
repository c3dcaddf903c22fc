export { ingestDocuments, ingestInputs, LOOKS_BINARY, noiseShare, type IngestOptions, type IngestOutcome, type IngestReport } from './pipeline.ts';
export { readSources, readUpload, isSourceProblem, EMPTY_FILE, formatSize, type RawDocument, type SourceProblem, type SourceFormat } from './sources.ts';
export { docIdFor } from './doc-id.ts';
export { fingerprint, similarity, findNearDuplicate, type NearDupFingerprint } from './near-duplicate.ts';
export { IngestError } from './errors.ts';
export { KeptSources, readSourceRecord, SOURCE_RECORD_SUFFIX, UPLOADS_DIR, type SourceRecord } from './kept-sources.ts';
