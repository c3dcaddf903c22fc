/**
 * Rendering of a fact-check result: plain text for the terminal and the stable JSON contract (the Telegram HTML is
 * in bot/factcheck-html.ts). Choosing what to quote happens before, in the checker.
 */
import { sourceLines, sourceLineText } from '../chat/sources.ts';
import type { DraftCheck } from './draft.ts';
import type { EvidenceItem, FactCheckJson, FactCheckResult, FactResult, Verdict } from './types.ts';

/** The verdict line users see first. */
export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  supported: '✅ 属实',
  contradicted: '⚠️ 有出入',
  not_found: '❔ 未找到依据',
};

const EVIDENCE_HEADINGS: Readonly<Record<Verdict, string>> = {
  supported: '依据：',
  contradicted: '原文：',
  not_found: '最接近的原文（供参考，未必涉及这一说法）：',
};

/** `标题 — 来源, 日期, ¶段落号` for a sources list. */
function sourceDetails(item: EvidenceItem): string {
  return `${item.title} — ${[item.source ?? '来源不详', item.date ?? '日期不详', `¶${item.paragraph}`].join(', ')}`;
}

const FACT_STATUS_MARKS: Readonly<Record<FactResult['status'], string>> = { confirmed: '✓', contradicted: '✗', not_found: '？' };

/** Plain text for the terminal. */
export function renderFactCheckText(result: FactCheckResult): string {
  const lines = [VERDICT_LABELS[result.verdict], `断言：${result.claim}`, result.explanation];
  const facts = result.facts.filter((f) => f.kind !== 'term');
  if (facts.length > 0) lines.push(`要素：${facts.map((f) => `${FACT_STATUS_MARKS[f.status]}${f.claim}`).join('  ')}`);
  if (result.evidence.length > 0) {
    lines.push('', EVIDENCE_HEADINGS[result.verdict]);
    for (const item of result.evidence) lines.push(`  「${item.quote}」[${item.n}]`);
    lines.push('', '来源：', ...sourceLines(result.evidence).map(sourceLineText));
  }
  return lines.join('\n');
}

/**
 * Plain text of a checked draft: a summary line, then each sentence worst first with its verdict, explanation and
 * quotes; sources are listed once at the end with one number per paragraph across the whole draft.
 */
export function renderDraftText(draft: DraftCheck): string {
  const { counts } = draft;
  const lines = [`共核查${draft.sentences.length}句：⚠️ 有出入 ${counts.contradicted} 句，❔ 未找到依据 ${counts.not_found} 句，✅ 属实 ${counts.supported} 句。`];
  const sources = new Map<string, { n: number; item: EvidenceItem }>();
  for (const { index, sentence, result } of draft.sentences) {
    lines.push('', `${VERDICT_LABELS[result.verdict]}（第${index}句）${sentence}`, `  ${result.explanation}`);
    for (const item of result.evidence) {
      let entry = sources.get(item.paragraphId);
      if (!entry) {
        entry = { n: sources.size + 1, item };
        sources.set(item.paragraphId, entry);
      }
      lines.push(`  「${item.quote}」[${entry.n}]`);
    }
  }
  if (sources.size > 0) {
    lines.push('', '来源：');
    for (const { n, item } of sources.values()) lines.push(`[${n}] ${sourceDetails(item)}${item.url ? ` ${item.url}` : ''}`);
  }
  return lines.join('\n');
}

/** The `check --json` object (see README): exactly these fields, relied on by eval scripts. */
export function toFactCheckJson(id: string | null, result: FactCheckResult): FactCheckJson {
  return {
    id,
    claim: result.claim,
    verdict: result.verdict,
    explanation: result.explanation,
    mismatches: result.mismatches.map(({ kind, claim, source }) => ({ kind, claim, source })),
    evidence: result.evidence.map(({ n, paragraphId, docId, file, title, paragraph, quote, text }) => ({
      n,
      paragraphId,
      docId,
      file,
      title,
      paragraph,
      quote,
      text,
    })),
    facts: result.facts.map((fact) => ({ ...fact })),
  };
}
