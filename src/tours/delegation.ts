/** Delegation names as news text writes them (湖南省党政代表团, 乌兰察布市党政代表团, 2020年脱贫攻坚督查组第九组). */

/** Nouns that name a travelling group (…党政代表团, …考察团, …督查组, …培训班). */
const GROUP_HEAD = '(?:党政代表团|代表团|考察团|观摩团|学习团|访问团|调研团|调研组|考察组|督查组|督导组|工作组|培训班|提升班|专题班|研修班)(?:第[一二三四五六七八九十\\d]+组)?';
const HEAD_PATTERN = new RegExp(GROUP_HEAD, 'g');
/** Characters a delegation name is written with (湖南县(市、区)…培训班 has brackets and 、). */
const NAME_CHAR = /[\u3400-\u9fff()（）、·]/;
/** Longest name before its head. */
const MAX_NAME_CHARS = 36;
/** Words after which a group name starts (…率领的湖南省党政代表团; 漳县组织观摩团). */
export const GROUP_LEFT = /.*(?:率领|带领|带队|率|的|由|组织|组成|是|在|了|赴|与|和|及|同|为|对|向|将|以|把|随|跟|称|以来|此次|这次|本次|一行|全体|其中|包括|除了|还有|看到|当天|期间|日|月|年|上午|下午|晚上|会见|会晤|接见|看望|欢迎|陪同|送别|迎接|参加|出席|召开|举行|举办|派出|来自|这一|这个|那个|该|，|。)/;
/** A group noun alone (代表团一行) names no delegation, nor does one left of 该市 (该市党政代表团 → 市党政代表团). */
const GENERIC_GROUP = new RegExp(`^(?:[该此这本其全各两双我市县区]|考察|学习|党政|专题|能力|提升)*${GROUP_HEAD}$`);

/** The delegation names written in a text, trimmed to the name (left boundary words removed). */
export function delegationNames(view: string): Array<{ name: string; start: number; end: number }> {
  const names: Array<{ name: string; start: number; end: number }> = [];
  let floor = 0;
  // Find the heads first, then walk back over name characters: cheaper than a lazy pattern tried at every position.
  for (const match of view.matchAll(HEAD_PATTERN)) {
    const headStart = match.index!;
    const end = headStart + match[0].length;
    let start = headStart;
    while (start > floor && headStart - start < MAX_NAME_CHARS && NAME_CHAR.test(view[start - 1]!)) start -= 1;
    floor = end;
    const cut = GROUP_LEFT.exec(view.slice(start, end))?.[0];
    if (cut && cut.length < end - start) start += cut.length;
    // A closing bracket without its opening one ends the text before the name (记者 王某）内蒙古…代表团).
    const name0 = view.slice(start, end);
    for (let i = name0.length - 1; i >= 0; i -= 1) {
      if (!/[)）]/.test(name0[i]!)) continue;
      if (!/[(（]/.test(name0.slice(0, i))) start += i + 1;
      break;
    }
    while (/^[)）、·(（]/.test(view.slice(start, end)) && !/^[(（][^)）]*[)）]/.test(view.slice(start, end))) start += 1;
    const name = view.slice(start, end);
    if (GENERIC_GROUP.test(name) || name.length < 4) continue;
    names.push({ name, start, end });
  }
  return names;
}
