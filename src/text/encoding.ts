/**
 * Byte → string decoding for article files and downloads. Chinese news pages still come as GBK/GB2312 (mainland)
 * or Big5 (Taiwan/Hong Kong) often enough that "assume UTF-8" silently produces mojibake, and mojibake is worse
 * than an error here: it gets indexed and quoted.
 */
import iconv from 'iconv-lite';
import jschardet from 'jschardet';
import { TextError } from './errors.ts';

/** Result of decoding: the text (BOM removed) and the encoding that was used. */
export interface DecodedText {
  text: string;
  /** One of `utf-8`, `utf-16le`, `utf-16be`, `gb18030` (also used for GBK/GB2312, its subsets), `big5`, or a jschardet hint. */
  encoding: string;
}

export interface DecodeOptions {
  /** Above this share of U+FFFD in the best legacy decoding the input is refused as undecodable. */
  maxReplacementRatio: number;
  /** Above this share of C0 control bytes (other than tab/newline/CR/FF/ESC) the input is refused as binary. */
  maxControlRatio: number;
  /**
   * With at least `minHanForCommonCheck` Han characters, fewer than this share of them being common characters
   * means the bytes decoded to gibberish (random bytes decode "successfully" as rare GBK characters).
   */
  minCommonHanRatio: number;
  minHanForCommonCheck: number;
}

export const DEFAULT_DECODE_OPTIONS: Readonly<DecodeOptions> = {
  maxReplacementRatio: 0.02,
  maxControlRatio: 0.01,
  minCommonHanRatio: 0.2,
  minHanForCommonCheck: 20,
};

/**
 * The most frequent Chinese characters, simplified and traditional. Real text in the right encoding is made
 * mostly of these; the wrong legacy decoding (Big5 bytes read as GBK or the reverse) yields rare characters.
 */
const COMMON_HAN = new Set(
  [
    // Simplified (shared forms included): roughly the 600 most frequent characters of modern news text.
    '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然',
    '家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机',
    '十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西',
    '斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打',
    '女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五',
    '基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清',
    '今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具',
    '罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研',
    '写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尼省县镇村湖江河州京沪粤湘鄂赣浙',
    '苏闽川渝黔滇桂琼冀晋辽吉黑皖鲁豫陕甘青宁新藏港澳代表考察察习研讨座谈书记长副委员会议推动创新产业项目经济社会群众',
    '干部领导落实坚持加强深化改革开放合作交流协议签署园区企业投资招商引资高质量发展战略规划建设实施目标任务工作重点',
    // Traditional forms of frequent characters (Big5 text).
    '個們來為國時說會對發後過裡動還進學經與長機實當現開關點業將兩間問體頭應戰從種樣東聲義員總電數報結變則認條題顯區讓',
    '識導張該萬權覺術領確傳觀院運飛風車親極連調團議貿濟黨華級層處歷屆設計較書記縣鎮灣廣組織參訪習產務據標準裝辦費號醫',
    '環境資質線際約類輕專稱農業鄉劃協簽署園區項營銷幹堅強閱讀塊門網頁這麼邊']
    .join('')
    .split(''),
);

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/gu;
const REPLACEMENT = /\uFFFD/g;

/** C0 controls that never occur in text (tab, LF, VT, FF, CR and ESC are allowed). */
function isBinaryControlByte(byte: number): boolean {
  return byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0b && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b;
}

interface Candidate {
  encoding: string;
  text: string;
  replacements: number;
  han: number;
  commonHan: number;
}

function evaluate(bytes: Uint8Array, encoding: string): Candidate {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  const hanChars = text.match(HAN) ?? [];
  return {
    encoding,
    text,
    replacements: (text.match(REPLACEMENT) ?? []).length,
    han: hanChars.length,
    commonHan: hanChars.filter((ch) => COMMON_HAN.has(ch)).length,
  };
}

/** One U+FFFD outweighs this many common characters: an undecodable sequence is strong evidence of a wrong guess. */
const REPLACEMENT_WEIGHT = 10;

/** Higher is better: common characters count for, undecodable sequences count hard against. */
function score(candidate: Candidate): number {
  return candidate.commonHan - REPLACEMENT_WEIGHT * candidate.replacements;
}

/** jschardet names → iconv-lite names for the encodings we consider; other hints are used as-is if iconv knows them. */
function hintedEncoding(bytes: Uint8Array): string | null {
  const guess = jschardet.detect(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const name = guess.encoding?.toLowerCase();
  if (!name) return null;
  if (['gb2312', 'gbk', 'gb18030', 'hz-gb-2312'].includes(name)) return 'gb18030';
  if (['big5', 'big5-hkscs', 'euc-tw'].includes(name)) return 'big5';
  return iconv.encodingExists(name) ? name : null;
}

function stripBom(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; body: Uint8Array } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', body: bytes.subarray(3) };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', body: bytes.subarray(2) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', body: bytes.subarray(2) };
  return null;
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return UTF8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes article bytes to a string.
 *
 * Order: BOM (UTF-8, UTF-16LE/BE) → strict UTF-8 → legacy Chinese encodings. For the legacy case jschardet only
 * provides a hint; GB18030 (superset of GBK/GB2312) and Big5 are both decoded and the one yielding the most common
 * Chinese characters and the fewest U+FFFD wins, because jschardet regularly mistakes Big5 for GB2312.
 *
 * @throws TextError for binary input (NUL or other control bytes; UTF-16 without BOM also lands here) and for
 *   bytes that decode to gibberish in every candidate encoding.
 */
export function decodeBytes(bytes: Uint8Array, options: Partial<DecodeOptions> = {}): DecodedText {
  const opts = { ...DEFAULT_DECODE_OPTIONS, ...options };
  const bom = stripBom(bytes);
  if (bom?.encoding === 'utf-16le' || bom?.encoding === 'utf-16be') {
    if (bom.body.length % 2 !== 0) throw new TextError(`${bom.encoding} input has an odd number of bytes (truncated file?)`);
    return { text: new TextDecoder(bom.encoding).decode(bom.body), encoding: bom.encoding };
  }
  const body = bom ? bom.body : bytes;
  if (body.length === 0) return { text: '', encoding: 'utf-8' };

  let controls = 0;
  for (const byte of body) {
    if (byte === 0) throw new TextError('input looks binary (contains NUL bytes); expected a text, HTML or Markdown article');
    if (isBinaryControlByte(byte)) controls += 1;
  }
  if (controls / body.length > opts.maxControlRatio) {
    throw new TextError(`input looks binary (${controls} control bytes in ${body.length}); expected a text, HTML or Markdown article`);
  }

  const utf8 = tryUtf8(body);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };

  const hint = hintedEncoding(body);
  const names = new Set(['gb18030', 'big5', ...(hint ? [hint] : [])]);
  const candidates = [...names].map((name) => evaluate(body, name));
  // Stable ordering: score, then the jschardet hint, then the listed order (GB18030 first: the corpus is mainland news).
  const best = candidates
    .map((candidate, index) => ({ candidate, index }))
    .sort((a, b) => score(b.candidate) - score(a.candidate) || Number(b.candidate.encoding === hint) - Number(a.candidate.encoding === hint) || a.index - b.index)[0]!.candidate;

  const chars = Math.max(best.text.length, 1);
  if (best.replacements / chars > opts.maxReplacementRatio) {
    throw new TextError(
      `cannot decode input: not UTF-8, and ${best.encoding} leaves ${best.replacements} undecodable sequences in ${chars} characters`,
    );
  }
  if (best.han >= opts.minHanForCommonCheck && best.commonHan / best.han < opts.minCommonHanRatio) {
    throw new TextError(`cannot decode input: not UTF-8, and no candidate encoding (${[...names].join(', ')}) yields readable Chinese`);
  }
  return { text: best.text, encoding: best.encoding };
}
