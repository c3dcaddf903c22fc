import type { IngestOutcome, IngestReport } from '../ingest/index.ts';

/** One human-readable line per outcome (Chinese: this is what staff read). */
export function describeOutcome(outcome: IngestOutcome): string {
  switch (outcome.kind) {
    case 'added':
      return `＋ 已收录 ${outcome.origin} → ${outcome.docId}「${outcome.title}」${outcome.paragraphs} 段, ${outcome.chunks} 块`;
    case 'replaced':
      return `↻ 已更新 ${outcome.origin} → ${outcome.docId}「${outcome.title}」${outcome.paragraphs} 段, ${outcome.chunks} 块`;
    case 'unchanged':
      return `＝ 未变化 ${outcome.origin} → ${outcome.docId}`;
    case 'duplicate':
      return `≈ 重复稿件，已跳过 ${outcome.origin}（与 ${outcome.of} 相似度 ${outcome.similarity.toFixed(2)}）`;
    case 'removed':
      return `－ 已删除 ${outcome.docId}`;
    case 'rejected':
      return `✗ 未收录 ${outcome.origin}：${outcome.reason}`;
  }
}

/** Warning for a source that is indexed but whose copy could not be kept (a rebuild would drop it). */
export function describeNotKept(origin: string, reason: string): string {
  return `! ${origin} 已收录，但未能保存副本，重建索引时会丢失（${reason}）`;
}

/** Summary line after an ingest run. */
export function summarise(report: IngestReport): string {
  const count = (kind: IngestOutcome['kind']) => report.outcomes.filter((o) => o.kind === kind).length;
  const totals = report.manifest
    ? `索引现有 ${report.manifest.counts.articles} 篇文章, ${report.manifest.counts.paragraphs} 段, ${report.manifest.counts.chunks} 块（第 ${report.manifest.generation} 版）`
    : '索引无变化';
  return `新增 ${count('added')}，更新 ${count('replaced')}，未变 ${count('unchanged')}，重复 ${count('duplicate')}，删除 ${count('removed')}，失败 ${count('rejected')}。${totals}`;
}
