import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { openQuestionAnswering } from '../src/app.ts';
import { analyseQuestion } from '../src/answer/index.ts';
import { tokenizeForIndex } from '../src/text/index.ts';
const config = loadConfig('/work/main');
const qa = await openQuestionAnswering(config, createLogger('error'));
for (const q of process.argv.slice(2)) {
  const a = analyseQuestion(q);
  console.log(q, JSON.stringify(a), tokenizeForIndex(a.content).join(' '));
  const r = await qa.ask(q);
  for (const h of r.retrieved) console.log(' ', h.chunk.id, h.score.toFixed(4), h.denseRank, h.lexicalRank, h.chunk.text.slice(0, 60));
}
