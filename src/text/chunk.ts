/**
 * Paragraph-based chunking. A chunk is the retrieval unit; citations still point at paragraphs, so chunks never
 * cut a paragraph anywhere but at a sentence end (or, for a single over-long sentence, at a comma).
 */
import type { ChunkSpan } from '../domain.ts';
import { TextError } from './errors.ts';
import { splitSentences } from './sentences.ts';

export interface ChunkOptions {
  /** Paragraphs longer than this are split at sentence ends (config: chunk.maxChars). */
  maxChars: number;
  /** Paragraphs shorter than this are merged with the next one, the last with the previous (config: chunk.minChars). */
  minChars: number;
}

/** A contiguous part of the cleaned text, in paragraph coordinates before merging. */
interface Piece {
  start: number;
  end: number;
  paragraphNumbers: number[];
}

/** Commas at which an over-long sentence may be cut; not a comma between digits (1,000). */
const CLAUSE_END = /[，,](?!\d)/g;

/** Clause boundaries (offsets just after a comma) inside [start, end) of `text`. */
function clauseStarts(text: string, start: number, end: number): number[] {
  const starts: number[] = [];
  const sentence = text.slice(start, end);
  for (const match of sentence.matchAll(CLAUSE_END)) {
    const at = start + match.index + match[0].length;
    if (at < end) starts.push(at);
  }
  return starts;
}

/**
 * Cut points inside one over-long paragraph: greedy packing of sentences (clauses for sentences longer than
 * maxChars) into pieces of at most maxChars; a tail shorter than minChars joins the piece before it.
 */
function splitParagraph(text: string, offset: number, paragraphNumber: number, opts: ChunkOptions): Piece[] {
  const unitStarts: number[] = [];
  for (const sentence of splitSentences(text)) {
    unitStarts.push(sentence.start);
    if (sentence.end - sentence.start > opts.maxChars) unitStarts.push(...clauseStarts(text, sentence.start, sentence.end));
  }
  // Boundaries partition the paragraph: whitespace between sentences stays with the piece before it.
  const boundaries = [0, ...unitStarts.filter((at) => at > 0), text.length];
  const cuts: number[] = [0];
  for (let i = 1; i < boundaries.length - 1; i += 1) {
    const pieceStart = cuts.at(-1)!;
    if (boundaries[i + 1]! - pieceStart > opts.maxChars && boundaries[i]! > pieceStart) cuts.push(boundaries[i]!);
  }
  if (cuts.length > 1 && text.length - cuts.at(-1)! < opts.minChars) cuts.pop();
  return cuts.map((cut, index) => ({
    start: offset + cut,
    end: offset + (cuts[index + 1] ?? text.length),
    paragraphNumbers: [paragraphNumber],
  }));
}

function join(first: Piece, second: Piece): Piece {
  return {
    start: first.start,
    end: second.end,
    paragraphNumbers: [...new Set([...first.paragraphNumbers, ...second.paragraphNumbers])],
  };
}

/**
 * Turns cleaned paragraphs into chunk spans: one chunk per paragraph; a paragraph longer than maxChars is split
 * at sentence ends (greedy packing; a single over-long sentence is cut at commas as a last resort, and a clause
 * longer than maxChars stays whole); a paragraph shorter than minChars is merged with the following chunk (the last
 * one with the previous chunk), so a merged chunk may exceed maxChars by up to minChars.
 *
 * Offsets are into `paragraphs.map(p => p.text).join('\n')`, so `cleanedText.slice(start, end) === chunk.text` and
 * a merged chunk contains the joining '\n'. Every paragraph character belongs to exactly one chunk, in order.
 * Chunks with no visible text (all paragraphs empty) are omitted.
 *
 * @throws TextError when maxChars < 1, minChars < 0 or minChars ≥ maxChars.
 */
export function chunkParagraphs(paragraphs: ReadonlyArray<{ n: number; text: string }>, opts: ChunkOptions): ChunkSpan[] {
  if (!Number.isInteger(opts.maxChars) || opts.maxChars < 1) throw new TextError(`chunk maxChars must be a positive integer, got ${opts.maxChars}`);
  if (!Number.isInteger(opts.minChars) || opts.minChars < 0 || opts.minChars >= opts.maxChars) {
    throw new TextError(`chunk minChars must be an integer in [0, maxChars), got ${opts.minChars} (maxChars ${opts.maxChars})`);
  }
  const cleanedText = paragraphs.map((p) => p.text).join('\n');

  const pieces: Array<Piece & { whole: boolean }> = [];
  let offset = 0;
  for (const paragraph of paragraphs) {
    if (paragraph.text.length <= opts.maxChars) {
      pieces.push({ start: offset, end: offset + paragraph.text.length, paragraphNumbers: [paragraph.n], whole: true });
    } else {
      for (const piece of splitParagraph(paragraph.text, offset, paragraph.n, opts)) pieces.push({ ...piece, whole: false });
    }
    offset += paragraph.text.length + 1;
  }

  // Only whole paragraphs can be short: split pieces are near maxChars and their short tails were folded back.
  const merged: Piece[] = [];
  let pending: Piece | null = null;
  for (const piece of pieces) {
    const current: Piece = pending ? join(pending, piece) : piece;
    pending = null;
    if (piece.whole && current.end - current.start < opts.minChars) {
      pending = current;
      continue;
    }
    merged.push(current);
  }
  if (pending) {
    const last = merged.pop();
    merged.push(last ? join(last, pending) : pending);
  }

  return merged
    .map(({ paragraphNumbers, start, end }) => ({ paragraphNumbers, start, end, text: cleanedText.slice(start, end) }))
    .filter((chunk) => chunk.text.trim() !== '');
}
