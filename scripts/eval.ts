/**
 * Answer evaluation per set, Kaocha beside the plain peer (MiniSearch + jieba): recall@1/@5, answer contains gold,
 * short-answer accuracy on factoid questions, refusals both ways, grounding, later turns of conversations.
 *
 *   npm run eval                                   # seed, dev, dev follow-ups (seed + dev articles); invented sets
 *   npm run eval -- name=path/to/qa.jsonl ... [--corpus dir ...] [--json] [--verbose]
 */
import { defaultEvalRuns, evaluateQa, reportTable, type EvalOptions, type SetReport } from './eval/qa.ts';

function parseArgs(args: string[]): { runs: EvalOptions[]; json: boolean; verbose: boolean } {
  const defaults = defaultEvalRuns()[0]!;
  const sets: Record<string, string> = {};
  const corpusDirs: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--corpus') corpusDirs.push(args[++i] ?? '');
    else if (!arg.startsWith('--')) {
      const [name, file] = arg.includes('=') ? arg.split('=', 2) : [arg.replace(/^.*\//, '').replace(/\.jsonl$/, ''), arg];
      sets[name!] = file!;
    }
  }
  const custom = Object.keys(sets).length > 0 || corpusDirs.length > 0;
  return {
    runs: custom ? [{ sets: Object.keys(sets).length > 0 ? sets : defaults.sets, corpusDirs: corpusDirs.length > 0 ? corpusDirs : defaults.corpusDirs }] : defaultEvalRuns(),
    json: args.includes('--json'),
    verbose: args.includes('--verbose'),
  };
}

const { runs, json, verbose } = parseArgs(process.argv.slice(2));
const reports: SetReport[] = [];
for (const run of runs) reports.push(...(await evaluateQa(run)));
if (json) {
  process.stdout.write(`${JSON.stringify(verbose ? reports : reports.map(({ failures: _, ...r }) => r), null, 2)}\n`);
} else {
  process.stdout.write(`${reportTable(reports)}\n`);
  if (verbose) for (const r of reports) for (const f of r.failures) process.stdout.write(`${r.set} ${f.id} ${f.why}: ${f.question}${f.got ? ` → ${f.got}` : ''}\n`);
}
