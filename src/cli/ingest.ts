import { embedderFor } from '../app.ts';
import { ingestInputs } from '../ingest/index.ts';
import { parseIngestArgs, UsageError } from './args.ts';
import { describeNotKept, describeOutcome, summarise } from './ingest-report.ts';
import { runCommand } from './run.ts';

const USAGE = 'npm run ingest -- [--rebuild] [--remove <docId>]... <file|directory|http(s)-url>...';

await runCommand(USAGE, async (config, log) => {
  const args = parseIngestArgs(process.argv.slice(2));
  if (args.inputs.length === 0 && args.remove.length === 0 && !args.rebuild) throw new UsageError('nothing to ingest');
  // --rebuild with no inputs rebuilds from the configured corpus.
  const inputs = args.inputs.length === 0 && args.rebuild ? [config.corpusDir] : args.inputs;
  const embedder = await embedderFor(config, log);
  const report = await ingestInputs(inputs, {
    indexDir: config.indexDir,
    embedder,
    chunk: config.chunk,
    fetch: config.fetch,
    rebuild: args.rebuild,
    remove: args.remove,
    // Fetched URLs are kept under CORPUS_DIR/uploads/, so --rebuild keeps them.
    corpusDir: config.corpusDir,
    onOutcome: (outcome) => {
      log.info(describeOutcome(outcome));
      if (outcome.kind === 'rejected' && outcome.detail) log.debug(`ingest: ${outcome.origin}: ${outcome.detail}`);
    },
  });
  for (const { origin, reason } of report.notKept ?? []) log.warn(describeNotKept(origin, reason));
  log.info(summarise(report));
  if (report.outcomes.length > 0 && report.outcomes.every((o) => o.kind === 'rejected')) process.exitCode = 1;
});
