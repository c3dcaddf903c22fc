/**
 * Named sites a delegation visited. News reports list them: after a visiting verb (参观了A、B和C), after a colon
 * (依次到了这些地方：A，B，C), or as a bare list before 等N个点. A list is taken when it looks like a list of
 * places to visit — one of its items ends like an institution (…研究院, …有限公司, …纪念馆), is an organisation the
 * fact extractor found, or the list is closed by 等 and a kind of site (等科技创新企业, 等13个点) — and then every
 * item of it is a site, so names without a telling ending (格力电器, 九科绿洲) come along with their neighbours.
 */
import { SITE_HEADS, foldScript, opensWithTitle, provinceOf } from '../text/index.ts';
import type { Fact, PlaceFact } from './types.ts';

/** A site with its offsets in the sentence. */
export interface SiteSpan {
  name: string;
  start: number;
  end: number;
}

/** Endings of places one visits that the institution heads do not cover (古城, 遗址, 会址, 陵园, 民宿…). */
const VISIT_HEADS: readonly string[] = [
  '古城', '遗址', '旧址', '会址', '陵园', '故居', '民宿', '书房', '渔村', '江滩', '湿地', '设施', '装置', '总部', '灯光秀',
  '街区', '乡居', '新村', '实践点', '示范点', '摄影点', '教学点', '育花房', '会客厅', '生态园', '草莓园', '科技城', '展馆',
];
const HEADS = [...new Set([...SITE_HEADS, ...VISIT_HEADS])].sort((a, b) => b.length - a.length);

/** Verbs (and list openers) a list of visited sites follows. */
const VISIT_VERB =
  /(?:参观考察了?|考察了|参观了?|瞻仰了?|走进了?|走访了?|来到|到了|察看了?|观摩了?|看了|去了|包括|既有|也有|还有|先后到|依次到|前往|深入(?!学习|贯彻|推进|开展|实施|了解|调研|研究|思考|交流|基层)|考察(?![了，,。；团组点学调交期行的中工结时人员]))/g;
/** A kind of site named after 等 closes a list of sites (等科技创新企业, 等13个点, 等地). */
const KIND_AFTER_LIST = /^等(?:[\d一二三四五六七八九十]+个)?[\u3400-\u9fff]{0,8}?(?:企业|公司|地|点|单位|园区|基地|项目|场所|地方|典范|景点|村|示范点|集散地)/;
const CLAUSE_END = /[，,。；;！？!?…]/;
/** Words that make an item a description, not a name (一些企业, 相关项目, 有关情况). */
const NOT_A_NAME = /^(?:企业|园区|项目|基地|工厂|车间|服务基地|产业园区|示范点)(?:[和及与](?:企业|园区|项目|基地|工厂|车间))?$|^(?:一些|一批|多个|多家|相关|有关|部分|当地|重点|若干|各类|多处|这些|那些|该|其|这|那|各|大家|他们|我们)|^[\d一二两三四五六七八九十]+[个名位家]|^(?:两|三|几|各|多)[省市县区地个家]|(?:情况|做法|经验|工作|发展|建设|成效|成果|理念|变化|负责人|书记|领导|干部|代表|成员|乡村)$/;
/** A count inside an item (婺源县的12个村, 十余个乡村) describes places; it names none. */
const COUNTED = /[\d一二两三四五六七八九十百]+(?:余|多)?个/;
/** A county or district alone (广丰区, 玉山县) is a place gone through, not a site. */
const ADMIN_UNIT = /^[\u3400-\u9fff]{2,4}[省市县区旗]$/;
/** What follows a site name in the same item and is not part of it (…考察学习, …的做法). */
const ITEM_TAIL = /(?:考察|学习|调研|参观|观摩|交流|实地|,|，).*$/;

function hasHead(name: string): boolean {
  return HEADS.some((head) => name.endsWith(head) && name.length > head.length);
}

/** Whether an item is only a place name (广州, 浙江省台州市黄岩区): a destination, not a site. */
function onlyPlaces(start: number, end: number, facts: readonly Fact[], view: string): boolean {
  let at = start;
  const places = facts.filter((f) => f.kind === 'place' && f.start >= start && f.end <= end).sort((a, b) => a.start - b.start);
  for (const place of places) {
    if (place.start !== at) return false;
    at = place.end;
  }
  if (at === end) return true;
  return provinceOf(view.slice(start, end)) !== undefined;
}

interface Item {
  start: number;
  end: number;
}

/** Splits a list segment into items at 、，, and a final 以及/和/及/与. */
function splitItems(view: string, from: number, to: number, commas: boolean): Item[] {
  const items: Item[] = [];
  let start = from;
  // ，以及 / ，和 continue a list like 、 does.
  const separator = commas ? /^(?:[，,](?:以及|及|和)|[、，,])/ : /^(?:[，,](?:以及|及|和)|、)/;
  for (let i = from; i <= to; i += 1) {
    const sep = i === to ? '' : separator.exec(view.slice(i, to))?.[0];
    if (i === to || sep) {
      if (i > start) items.push({ start, end: i });
      start = i + (sep ? sep.length : 1);
      if (sep) i += sep.length - 1;
    }
  }
  // The last joint may be a conjunction: A、B和C / A，以及C.
  const out: Item[] = [];
  for (const item of items) {
    const text = view.slice(item.start, item.end);
    // 与 is left alone: it joins words inside names (国家新能源与智能网联示范区).
    const joint = /^(?:以及|及)|(?<=[\u3400-\u9fff”"]{2})(?:以及|和|及)(?=[\u3400-\u9fff“"]{2})/.exec(text);
    if (joint && joint.index === 0) {
      out.push({ start: item.start + joint[0].length, end: item.end });
    } else if (joint && (hasHead(text.slice(0, joint.index)) || hasHead(text.slice(joint.index + joint[0].length)))) {
      out.push({ start: item.start, end: item.start + joint.index });
      out.push({ start: item.start + joint.index + joint[0].length, end: item.end });
    } else out.push(item);
  }
  return out;
}

/** Trims an item to its name: leading particles and trailing verbs or descriptions are dropped. */
function trimItem(view: string, item: Item): Item | null {
  let { start, end } = item;
  const text = view.slice(start, end);
  const tail = ITEM_TAIL.exec(text);
  if (tail && tail.index > 0) end = start + tail.index;
  const lead = /^(?:了|的|有|是|在|对|村里的|[\u3400-\u9fff]{2,4}的(?=[\u3400-\u9fff]{3}))/.exec(view.slice(start, end));
  if (lead) start += lead[0].length;
  while (start < end && /[\s“"（(]/.test(view[start]!) && !/[”"]/.test(view.slice(start + 1, end))) start += 1;
  while (end > start && /[\s]/.test(view[end - 1]!)) end -= 1;
  // 人才集团有限公司“取经”: a quoted word after a complete name is commentary, not part of it.
  const quoted = /[“"][^”"]*[”"]$/.exec(view.slice(start, end));
  if (quoted && quoted.index > 0 && hasHead(view.slice(start, start + quoted.index))) end = start + quoted.index;
  if (end - start < 2 || end - start > 30) return null;
  return { start, end };
}

/** The sites a sentence lists (offsets into the sentence). `cue`: the paragraph speaks of visiting. */
export function sitesInSentence(view: string, facts: readonly Fact[], cue: boolean): SiteSpan[] {
  const found: SiteSpan[] = [];
  const orgAt = (item: Item) => facts.some((f) => f.kind === 'org' && f.start < item.end && f.end > item.start && f.end - f.start >= 3);
  const take = (items: Item[], closedByKind: boolean, strict: boolean) => {
    const trimmed = items.map((item) => trimItem(view, item)).filter((i): i is Item => i !== null);
    const named = trimmed.filter((i) => {
      const text = view.slice(i.start, i.end);
      // 苏州工业园区, 余村: a place name that ends like a site is a site.
      if (NOT_A_NAME.test(text) || COUNTED.test(text) || (ADMIN_UNIT.test(text) && !hasHead(foldScript(text)))) return false;
      // 秘书长周一鸣, 县长王某率…代表团: an item holding a person, or opening with an office, names people, not a site.
      // (Only a titled person: a bare "name" may be a place the segmenter misread, 白鹭古城.)
      if (facts.some((f) => f.kind === 'person' && f.title !== null && f.start < i.end && f.end > i.start) || opensWithTitle(foldScript(text))) return false;
      return !onlyPlaces(i.start, i.end, facts, view) || hasHead(foldScript(text));
    });
    if (named.length === 0) return;
    const headed = named.filter((i) => hasHead(foldScript(view.slice(i.start, i.end))) || orgAt(i)).length;
    const listed = closedByKind || (strict ? headed * 2 >= named.length && named.length >= 3 : headed >= 1);
    if (!listed) return;
    for (const item of named) {
      if (found.some((f) => f.start < item.end && f.end > item.start)) continue;
      // A lone unheaded item beside headed ones is kept; an unheaded single item is not (来到这里).
      if (named.length === 1 && !closedByKind && !hasHead(foldScript(view.slice(item.start, item.end))) && !orgAt(item)) continue;
      found.push({ name: view.slice(item.start, item.end), start: item.start, end: item.end });
    }
  };
  // A colon after a visiting clause opens a list that may use commas (依次到了这些地方：A，B，C).
  const colon = /[：:]/.exec(view);
  if (colon && cue && /考察|参观|走访|到了|去了|地方/.test(view.slice(0, colon.index))) {
    const end = view.slice(colon.index + 1).search(/[。；;！？!?]/);
    take(splitItems(view, colon.index + 1, end < 0 ? view.length : colon.index + 1 + end, true), false, false);
  }
  for (const verb of view.matchAll(VISIT_VERB)) {
    const from = verb.index! + verb[0].length;
    let to = from;
    // The list runs to the end of its clause; ，以及 / ，和 carry it on.
    for (;;) {
      const rest = view.slice(to);
      const stop = rest.search(CLAUSE_END);
      to = stop < 0 ? view.length : to + stop;
      if (/^[，,](?:以及|及|和)/.test(view.slice(to))) {
        to += 1;
        continue;
      }
      break;
    }
    const segment = view.slice(from, to);
    const etc = segment.indexOf('等');
    const closedByKind = etc >= 0 && KIND_AFTER_LIST.test(segment.slice(etc));
    const end = etc > 0 ? from + etc : to;
    take(splitItems(view, from, end, false), closedByKind, false);
  }
  // A bare list (A、B、C、D……) in a paragraph about the visit.
  if (cue && found.length === 0 && (view.match(/、/g)?.length ?? 0) >= 2) {
    for (const clause of view.matchAll(/[^，,。；;！？!?…]+/g)) {
      if ((clause[0].match(/、/g)?.length ?? 0) < 2) continue;
      const from = clause.index!;
      const etc = clause[0].indexOf('等');
      take(splitItems(view, from, etc > 0 ? from + etc : from + clause[0].length, false), false, true);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A town or village written after its county or a verb of going (来到围场县御道口镇，察看了…): the name the extractor
 * may not know as a place. */
const TOWN_WRITTEN = /(?<=[县区市旗镇乡]|来到|走进|深入|前往|抵达|转赴|到)([\u3400-\u9fff]{2,4}?(?:镇|乡|街道|村))(?=[，,、和。；;]|察看|考察|调研|参观|看望|走访|实地)/g;

export function townsWritten(sentence: string, sentenceView: string): PlaceFact[] {
  return [...sentenceView.matchAll(TOWN_WRITTEN)].map((m) => {
    const start = m.index!;
    const end = start + m[1]!.length;
    return { kind: 'place', text: sentence.slice(start, end), start, end, name: m[1]!, canonical: m[1]! } as PlaceFact;
  });
}
