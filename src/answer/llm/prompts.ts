/**
 * Prompt templates live in `prompts/*.md` so they can be reviewed and tuned without touching code. Each file
 * holds a `## system` and a `## user` section (anything before the first section is a comment for humans) with
 * `{variable}` placeholders. All templates are loaded and checked once at start: a missing file or a misspelt
 * variable fails then, not in the middle of answering a user.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { ChatPromptTemplate, PromptTemplate } from '@langchain/core/prompts';
import { LlmError } from './errors.ts';

/** The repository's prompts/ folder. */
export const DEFAULT_PROMPTS_DIR = path.resolve(import.meta.dirname, '../../../prompts');

/** Which template files exist and the variables each must use (exactly these; an unknown one is a typo). */
export const PROMPT_VARIABLES = {
  answer: ['paragraphs', 'question'],
  followUp: ['history', 'question'],
  digestSummary: ['date', 'paragraphs'],
  factcheckExplanation: ['claim', 'paragraphs', 'verdict'],
} as const;

export type PromptName = keyof typeof PROMPT_VARIABLES;

const PROMPT_FILES: Readonly<Record<PromptName, string>> = {
  answer: 'answer.md',
  followUp: 'follow-up.md',
  digestSummary: 'digest-summary.md',
  factcheckExplanation: 'factcheck-explanation.md',
};

/** A loaded template: the two message texts and the chat prompt built from them. */
export interface LoadedPrompt {
  file: string;
  system: string;
  user: string;
  template: ChatPromptTemplate;
}

export type PromptLibrary = Readonly<Record<PromptName, LoadedPrompt>>;

const SECTION_HEADING = /^##[ \t]+(system|user)[ \t]*$/gm;

/**
 * Parses and validates one template file's text. Pure, so tests can feed it broken templates.
 * @throws LlmError when a section is missing or empty, the template does not parse, or its variables differ from
 *   `required`.
 */
export function parsePromptFile(file: string, text: string, required: readonly string[]): LoadedPrompt {
  const headings = [...text.matchAll(SECTION_HEADING)];
  const sections = new Map<string, string>();
  headings.forEach((heading, i) => {
    const start = heading.index + heading[0].length;
    const end = headings[i + 1]?.index ?? text.length;
    if (sections.has(heading[1]!)) throw new LlmError(`prompt ${file} has two "## ${heading[1]}" sections`);
    sections.set(heading[1]!, text.slice(start, end).trim());
  });
  const system = sections.get('system');
  const user = sections.get('user');
  if (!system || !user) {
    throw new LlmError(`prompt ${file} needs non-empty "## system" and "## user" sections`);
  }
  const variables = new Set<string>();
  for (const [role, body] of [['system', system], ['user', user]] as const) {
    try {
      PromptTemplate.fromTemplate(body).inputVariables.forEach((v) => variables.add(v));
    } catch (error) {
      throw new LlmError(`prompt ${file} (${role}) does not parse: ${(error as Error).message} (write literal braces as {{ }})`, { cause: error });
    }
  }
  for (const name of required) {
    if (!variables.has(name)) throw new LlmError(`prompt ${file} lacks {${name}}`);
  }
  const unknown = [...variables].filter((v) => !required.includes(v));
  if (unknown.length > 0) {
    throw new LlmError(`prompt ${file} uses unknown variable(s) ${unknown.map((v) => `{${v}}`).join(', ')}; allowed: ${required.map((v) => `{${v}}`).join(', ')}`);
  }
  const template = ChatPromptTemplate.fromMessages([
    ['system', system],
    ['human', user],
  ]);
  return { file, system, user, template };
}

/**
 * Loads and validates every template in `dir` (default: the repository's prompts/).
 * @throws LlmError naming the file when one is missing or invalid.
 */
export async function loadPrompts(dir: string = DEFAULT_PROMPTS_DIR): Promise<PromptLibrary> {
  const entries = await Promise.all(
    (Object.keys(PROMPT_FILES) as PromptName[]).map(async (name) => {
      const file = PROMPT_FILES[name];
      let text: string;
      try {
        text = await fs.readFile(path.join(dir, file), 'utf8');
      } catch (error) {
        throw new LlmError(`prompt ${file} not found in ${dir}`, { cause: error });
      }
      return [name, parsePromptFile(file, text, PROMPT_VARIABLES[name])] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<PromptName, LoadedPrompt>;
}

/** The data blocks of our templates; text inside them must not be able to open or close one. */
const DELIMITER_TAG = /<\s*(\/?)\s*(资料|问题|对话|说法)\s*>/g;

/**
 * Makes article or user text safe to place inside a data block: a paragraph containing `</资料>` could otherwise
 * end the block early and have what follows read as instructions. The tag is kept readable with full-width angle
 * brackets.
 */
export function neutraliseDelimiters(text: string): string {
  return text.replace(DELIMITER_TAG, (_m, slash: string, name: string) => `＜${slash}${name}＞`);
}
