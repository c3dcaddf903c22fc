/**
 * Follow-up rules on made-up conversations (not from any eval set): three rewordings per rule. The places and
 * delegations are invented or generic; the rules must not depend on them.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ConversationMemory, delegationIn, placesIn, resolveFollowUp, subjectOf, turnAfter, turnOf } from '../../src/chat/index.ts';
import type { Answer } from '../../src/answer/index.ts';

type Case = [previous: string, asked: string, expected: string];

function table(name: string, cases: Case[], answer = '') {
  describe(name, () => {
    for (const [previous, asked, expected] of cases) {
      test(`${asked} after ${previous}`, () => {
        const resolved = resolveFollowUp(asked, turnOf(previous, answer));
        assert.equal(resolved.question, expected);
        assert.equal(resolved.rewritten, expected !== asked.trim());
      });
    }
  });
}

table('那 X 呢 swaps the destination, keeping delegation and question', [
  ['山西省党政代表团在四川看了哪些园区？', '那云南呢？', '山西省党政代表团在云南看了哪些园区？'],
  ['河南代表团在福建参观了哪些企业？', '那么安徽呢', '河南代表团在安徽参观了哪些企业？'],
  ['甘肃省考察团到贵州签了几份协议？', '广西呢？', '甘肃省考察团到广西签了几份协议？'],
]);

table('那 X 呢 knows places without a suffix, abbreviation runs and traditional characters', [
  ['考察团在桐乡走访了哪些企业？', '海宁呢？', '考察团在海宁走访了哪些企业？'],
  ['代表團在福建看了幾個點？', '那廣東呢？', '代表团在广东看了几个点？'], // (read and rewritten in simplified characters)
  ['苏皖座谈会在哪开的？', '沪苏那个呢？', '沪苏座谈会在哪开的？'],
]);

table('an event a question opens with is the subject of the next turn', [
  ['两地产业协作推进会在哪开的？', '谁主持的？', '两地产业协作推进会谁主持的？'],
  ['东西部协作签约仪式是哪天举行的？', '签了几个项目？', '东西部协作签约仪式签了几个项目？'],
]);

table('其中 X 看了几个: the place is where it happened', [
  ['山西代表团川渝之行一共看了多少个点？', '其中四川看了几个？', '山西代表团在四川看了几个？'],
  ['青溪考察团这次一共走访了几个村？', '其中桐乡走访了几个？', '青溪考察团在桐乡走访了几个？'],
]);

table('那 X 的说法呢 asks the same question of that outlet\'s report', [
  ['西岭日报说考察团一共看了几个点？', '东江晚报的说法呢？', '东江晚报说考察团一共看了几个点？'],
  ['代表团行程多少公里？', '北川新闻网呢', '据北川新闻网报道，代表团行程多少公里？'],
  ['考察团签了几个项目？', '那南山日报的报道呢？', '据南山日报报道，考察团签了几个项目？'],
]);

table('那 X 呢 with a locality swaps the locality', [
  ['青石县党政考察团去白鹭市考察了几天？', '那红枫市呢？', '青石县党政考察团去红枫市考察了几天？'],
  ['云岭市代表团在松江区看了什么？', '那柳溪区呢？', '云岭市代表团在柳溪区看了什么？'],
  ['桃源县考察团到梅州学了哪些经验？', '那杏州呢', '桃源县考察团到杏州学了哪些经验？'],
]);

table('a province X with no destination swaps the subject province (full form kept)', [
  ['山西省党政代表团去了哪几个省？', '那云南呢？', '云南省党政代表团去了哪几个省？'],
  ['河南省党政代表团由谁带队？', '那福建呢', '福建省党政代表团由谁带队？'],
  ['甘肃省党政代表团一共考察了多少个点？', '贵州呢？', '贵州省党政代表团一共考察了多少个点？'],
]);

table('references stand for the previous subject', [
  ['山西省党政代表团去了哪几个省？', '他们签了什么协议？', '山西省党政代表团签了什么协议？'],
  ['河南代表团在福建参观了哪些企业？', '这个代表团由谁带队？', '河南代表团由谁带队？'],
  ['青石县党政考察团去白鹭市考察了几天？', '那次一共看了多少个点？', '青石县党政考察团一共看了多少个点？'],
]);

table('a question without a subject keeps the previous subject', [
  ['山西省党政代表团去了哪几个省？', '签了什么协议？', '山西省党政代表团签了什么协议？'],
  ['河南代表团在福建参观了哪些企业？', '还去了哪里？', '河南代表团还去了哪里？'],
  ['青石县党政考察团去白鹭市考察了几天？', '在红枫市考察了什么？', '青石县党政考察团在红枫市考察了什么？'],
]);

table('a complete new question starts a new topic', [
  ['山西省党政代表团去了哪几个省？', '河南省党政代表团去了哪些地方？', '河南省党政代表团去了哪些地方？'],
  ['河南代表团在福建参观了哪些企业？', '云南去了哪些省？', '云南去了哪些省？'],
  ['青石县党政考察团去白鹭市考察了几天？', '红枫市考察团由谁带队？', '红枫市考察团由谁带队？'],
]);

table('time aspects are asked of the subject', [
  ['山西省党政代表团去了哪几个省？', '时间呢？', '山西省党政代表团是什么时候去的？'],
  ['河南代表团在福建参观了哪些企业？', '那日期呢', '河南代表团是什么时候去的？'],
  ['青石县党政考察团去白鹭市考察了几天？', '那么时候呢？', '青石县党政考察团是什么时候去的？'],
]);

table('a delegation after 那个/这个, or named by its trip, is the subject', [
  ['去过苏州的那个青石县党政代表团是谁带队？', '他们签了什么？', '青石县党政代表团签了什么？'],
  ['这个白鹭市考察团去了哪几个省？', '他们看了几个点？', '白鹭市考察团看了几个点？'],
  ['红枫去梅州的代表团是谁带队？', '他们签了什么协议？', '红枫去梅州的代表团签了什么协议？'],
]);

table('a bare 团 or 班 heads a delegation (桃源团, 能力提升班), 集团 does not', [
  ['桃源团去杏州一共看了多少个点？', '签了什么协议？', '桃源团签了什么协议？'],
  ['柳溪观摩团去了哪几个村？', '看了几个示范点？', '柳溪观摩团看了几个示范点？'],
  ['青石县干部能力提升班去了几天？', '谁带的队？', '青石县干部能力提升班谁带的队？'],
]);

table('a role asked about is no subject of its own (带队的书记, 团里的市长)', [
  ['白鹭市党政代表团哪天去的杏州？', '带队的市长是谁？', '白鹭市党政代表团带队的市长是谁？'],
  ['青石县考察团看了几个点？', '带队的书记叫什么？', '青石县考察团带队的书记叫什么？'],
  ['红枫市党政代表团在杏州考察了几天？', '团里的市委书记叫啥？', '红枫市党政代表团的市委书记叫啥？'],
]);

table('a place with 这边/那边 asks for that side of the previous tour', [
  ['白鹭市党政代表团去杏州是谁带队？', '杏州这边谁陪同的？', '白鹭市党政代表团杏州这边谁陪同的？'],
  ['青石县考察团去梅州考察了几天？', '梅州那边谁会见的？', '青石县考察团梅州那边谁会见的？'],
  ['红枫市党政代表团到柳溪区看了什么？', '柳溪区方面谁出席了？', '红枫市党政代表团柳溪区方面谁出席了？'],
]);

table('"which are they" after a count asks which', [
  ['白鹭市党政代表团一共看了多少个点？', '都有哪些？', '白鹭市党政代表团一共看了哪些点？'],
  ['青石县考察团签了几个项目？', '分别是哪些？', '青石县考察团签了哪些项目？'],
  ['红枫市代表团走访了多少家企业？', '具体是哪几家？', '红枫市代表团走访了哪些企业？'],
]);

table('the opening clause of a two-clause question is the topic of the next turns', [
  ['青石县两委干部2024年去浙江培训，分了几组？', '第二组去了哪些地方？', '青石县两委干部2024年去浙江培训第二组去了哪些地方？'],
  ['白鹭市有效衔接督导那次，走访了多少户？', '组长是谁？', '白鹭市有效衔接督导那次组长是谁？'],
  ['红枫市乡村振兴专班去杏州学习，一共几天？', '那谈成了几个项目？', '红枫市乡村振兴专班去杏州学习谈成了几个项目？'],
]);

describe('他/她 after a who-answer naming one person is that person', () => {
  const answer = (short: string, questionType: Answer['questionType'] = 'who'): Answer => ({
    question: '', questionType, found: true, short, sentences: [{ text: `${short}出席了会议。`, citations: [1] }], citations: [], nearest: [],
  });
  const cases: Array<[previous: string, short: string, asked: string, expected: string]> = [
    ['去白鹭市督导的是谁？', '钱多多', '他是什么职务？', '钱多多是什么职务？'],
    ['哪位副省长去了杏州？', '马建国', '她还去了哪里？', '马建国还去了哪里？'],
    ['红枫市委书记是谁？', '周平', '他什么时候去的？', '周平什么时候去的？'],
  ];
  for (const [previous, short, asked, expected] of cases) {
    test(`${asked} after ${previous} → ${expected}`, () => assert.equal(resolveFollowUp(asked, turnAfter(previous, answer(short))).question, expected));
  }
  test('two people answered, or a count, leave 他 alone; 他们 stays the delegation', () => {
    assert.equal(resolveFollowUp('他是什么职务？', turnAfter('谁带的队？', answer('钱多多、马建国'))).question, '他是什么职务？');
    assert.equal(resolveFollowUp('他是什么职务？', turnAfter('去了几个点？', answer('12个', 'howMany'))).question, '他是什么职务？');
    assert.equal(resolveFollowUp('他们签了什么？', turnAfter('青石县考察团是谁带队？', answer('钱多多'))).question, '青石县考察团签了什么？');
  });
});

describe('the subject may come from the answer', () => {
  const cases: Array<[string, string, string, string]> = [
    ['谁带队去了四川？', '山西省党政代表团由省委书记带队。', '他们签了什么协议？', '山西省党政代表团签了什么协议？'],
    ['哪个团去了福建？', '河南代表团于5月去了福建。', '这个代表团看了几个点？', '河南代表团看了几个点？'],
    ['谁去了白鹭市？', '青石县党政考察团一行到白鹭市考察。', '那次还去了哪里？', '青石县党政考察团还去了哪里？'],
  ];
  for (const [previous, answer, asked, expected] of cases) {
    test(`${asked} after ${previous} / ${answer}`, () => assert.equal(resolveFollowUp(asked, turnOf(previous, answer)).question, expected));
  }
});

describe('no context, or too long to be a follow-up', () => {
  test('without a previous turn nothing changes', () => {
    assert.deepEqual(resolveFollowUp('他们还去了哪里？', undefined), { question: '他们还去了哪里？', rewritten: false });
  });
  test('a long question stands on its own', () => {
    const long = '他们在考察期间和当地领导签署了哪些合作协议以及这些协议的具体内容和后续安排分别是什么样的呢请详细说明';
    assert.equal(resolveFollowUp(long, turnOf('山西省党政代表团去了哪几个省？')).rewritten, false);
  });
});

describe('pieces', () => {
  test('delegations are grown from their group noun; interrogatives are not subjects', () => {
    assert.equal(delegationIn('2024年，山西省党政代表团赴四川')?.text, '山西省党政代表团');
    assert.equal(delegationIn('哪个代表团去了四川？'), null);
    assert.equal(subjectOf('谁带队去了四川？'), null);
  });
  test('generic words and question words are not places', () => {
    assert.deepEqual(placesIn('去了哪些城市？').map((p) => p.text), []);
    assert.deepEqual(placesIn('山西代表团在白鹭市看了什么').map((p) => p.text), ['山西', '白鹭市']);
  });
  test('chat memory expires after the TTL and is bounded', () => {
    let now = 0;
    const memory = new ConversationMemory<number>({ ttlMs: 1000, maxChats: 2, now: () => now });
    memory.set(1, turnOf('q1'), 1);
    now = 999;
    assert.equal(memory.get(1)?.turn.question, 'q1');
    now = 1001;
    assert.equal(memory.get(1), undefined, 'expired');
    memory.set('a', turnOf('a'), 1);
    memory.set('b', turnOf('b'), 2);
    memory.set('c', turnOf('c'), 3);
    assert.equal(memory.size, 2);
    assert.equal(memory.get('a'), undefined, 'oldest dropped');
  });
});

table('dates and the leader before a delegation are not part of its subject', [
  ['2021年5月山西省党政代表团去了哪几个省？', '签了什么协议？', '山西省党政代表团签了什么协议？'],
  ['2019年河南代表团在福建参观了哪些企业？', '他们由谁带队？', '河南代表团由谁带队？'],
  ['王某带青石县党政考察团去白鹭市考察了几天？', '还去了哪里？', '青石县党政考察团还去了哪里？'],
]);

table('a parallel item of the same shape swaps in place', [
  ['第二组走了哪些地方？', '第三组呢？', '第三组走了哪些地方？'],
  ['河南代表团12号去了哪里？', '13号呢？', '河南代表团13号去了哪里？'],
  ['带队的市长是谁？', '书记呢？', '带队的书记是谁？'],
  // One meeting of the trip for another, the question kept.
  ['督导组在青石县的见面会是哪天开的？', '反馈会呢？', '督导组在青石县的反馈会是哪天开的？'],
  ['两市的座谈会是谁主持的？', '那推介会呢？', '两市的推介会是谁主持的？'],
  ['巡察组在北岭的动员会谁讲的话？', '那反馈会呢？', '巡察组在北岭的反馈会谁讲的话？'],
]);

table('"那天"/"那里" are not the particle 那', [
  ['山西省党政代表团5月8日去了哪里？', '那天上午看了什么？', '山西省党政代表团5月8日上午看了什么？'],
  ['河南代表团在福建参观了哪些企业？', '那里的园区有多大？', '河南代表团在福建的园区有多大？'],
  ['青石县党政考察团去白鹭市考察了几天？', '那，签了什么协议？', '青石县党政考察团签了什么协议？'],
]);

table('a leading 那 before a preposition is a particle', [
  ['山西省党政代表团去了哪几个省？', '那在四川看了几个点？', '山西省党政代表团在四川看了几个点？'],
  ['河南代表团在福建参观了哪些企业？', '那去安徽签了什么协议？', '河南代表团去安徽签了什么协议？'],
  ['青石县党政考察团去白鹭市考察了几天？', '那跟红枫市谈了什么？', '青石县党政考察团跟红枫市谈了什么？'],
]);

table('那天/那边 are the previous day and destination', [
  ['河南代表团5月12日在福建参观了哪些企业？', '那天下午去了哪？', '河南代表团5月12日下午去了哪？'],
  ['山西省党政代表团在四川看了哪些园区？', '在那边签了什么协议？', '山西省党政代表团在四川签了什么协议？'],
  ['青石县党政考察团去白鹭市考察了几天？', '在那参观了什么？', '青石县党政考察团在白鹭市参观了什么？'],
]);

table('a day swap keeps the month; another trip replaces the subject; 市州 is no place', [
  ['河南代表团5月12日去了哪里？', '13号呢？', '河南代表团5月13号去了哪里？'],
  ['山西省党政代表团去了哪几个省？', '青石去白鹭那次呢？', '青石去白鹭的代表团去了哪几个省？'],
  ['省领导下沉市州督导，去云岭督导的是谁？', '松江呢？', '省领导下沉市州督导，去松江督导的是谁？'],
]);

describe('follow-ups that swap a slot, not a place', () => {
  const answer = (short: string, questionType: Answer['questionType']): Answer => ({
    question: '', questionType, found: true, short, sentences: [{ text: `代表团到了${short}。`, citations: [1] }], citations: [], nearest: [],
  });
  test('an amount (总金额呢, 人数呢) is asked of the same subject', () => {
    assert.equal(resolveFollowUp('总金额呢？', turnOf('青石县考察团在杏州签了几个项目？')).question, '青石县考察团的总金额是多少？');
    assert.equal(resolveFollowUp('投资额呢？', turnOf('白鹭市党政代表团签了几个协议？')).question, '白鹭市党政代表团的投资额是多少？');
  });
  test('a day of the trip (最后一天呢, 次日呢) replaces the day, not the destination', () => {
    assert.equal(resolveFollowUp('最后一天呢？', turnOf('青石县考察团第二天去了哪些地方？')).question, '青石县考察团最后一天去了哪些地方？');
    assert.equal(resolveFollowUp('最後一天呢？', turnOf('白鹭市党政代表团去杏州，第一天去了哪？')).question, '白鹭市党政代表团去杏州，最后一天去了哪？');
  });
  test('在那边 after a where-answer is the answered place', () => {
    const previous = turnAfter('青石县考察团第二天去的是哪个县？', answer('松岭县', 'where'));
    assert.equal(resolveFollowUp('在那边看了哪些地方？', previous).question, '青石县考察团在松岭县看了哪些地方？');
  });
  test('a delegation named by its trip, with 那个, is a subject', () => {
    assert.equal(resolveFollowUp('他们第一天去了哪？', turnOf('青石去松岭的那个代表团一共多少人？')).question, '青石去松岭的那个代表团第一天去了哪？');
  });
  test('那在X呢: the preposition before the place is dropped', () => {
    assert.equal(resolveFollowUp('那在松岭呢？', turnOf('青石县考察团在杏州看了几个点？')).question, '青石县考察团在松岭看了几个点？');
  });
  test('a question opening with a speaker\'s name stands on its own', () => {
    assert.equal(resolveFollowUp('周立新在座谈会上说了什么？', turnOf('青石县考察团一共多少人？')).question, '周立新在座谈会上说了什么？');
  });
  test('another level of place asks any leader, not the office of the first level', () => {
    assert.equal(resolveFollowUp('南湖区呢？', turnOf('白鹭市党政代表团到杏州那次，杏州是哪位副市长陪同的？')).question, '白鹭市党政代表团到杏州那次，南湖区是哪位领导陪同的？');
  });
});

describe('follow-ups about days, sides, towns and topics that are only places', () => {
  const answered = (text: string, questionType: Answer['questionType'] = 'list'): Answer => ({
    question: '', questionType, found: true, short: null, sentences: [{ text, citations: [1] }], citations: [], nearest: [],
  });
  test('第二天上午呢 after an answer about one day asks the day after it', () => {
    const previous = turnAfter('青石县考察团在杏州都看了哪些地方？', answered('15日，代表团在杏州考察了杏州港和杏州会展中心。'));
    assert.equal(resolveFollowUp('第二天上午呢？', previous).question, '青石县考察团16日上午都看了哪些地方？');
    assert.equal(resolveFollowUp('次日呢？', previous).question, '青石县考察团16日都看了哪些地方？');
    assert.equal(resolveFollowUp('第二天下午呢', turnAfter('白鹭市党政代表团3号去了哪？', answered('代表团先到了松岭县。'))).question, '白鹭市党政代表团4日下午去了哪？');
  });
  test('a day with a part, a part alone, and 那天 after a day of any shape', () => {
    assert.equal(resolveFollowUp('最后一天上午呢？', turnOf('青石县考察团第二天去了哪些地方？')).question, '青石县考察团最后一天上午去了哪些地方？');
    assert.equal(resolveFollowUp('下午呢？', turnOf('青石县考察团第二天上午去了哪些地方？')).question, '青石县考察团第二天下午去了哪些地方？');
    assert.equal(resolveFollowUp('那天晚上开了什么会？', turnOf('白鹭市党政代表团第三天去了哪？')).question, '白鹭市党政代表团第三天晚上开了什么会？');
  });
  test('X那边呢 is that place', () => {
    assert.equal(resolveFollowUp('松岭那边呢？', turnOf('青石县考察团在杏州考察时是谁陪同的？')).question, '青石县考察团在松岭考察时是谁陪同的？');
    assert.equal(resolveFollowUp('云南方面呢？', turnOf('山西省党政代表团在四川是谁陪同的？')).question, '山西省党政代表团在云南是谁陪同的？');
  });
  test('a town swaps the place asked about', () => {
    assert.equal(resolveFollowUp('那杏州白沙镇呢？', turnOf('青石县的茶园面积有多少亩？')).question, '杏州白沙镇的茶园面积有多少亩？');
    assert.equal(resolveFollowUp('东湖街道呢？', turnOf('松岭县的常住人口有多少？')).question, '东湖街道的常住人口有多少？');
  });
  test('a question naming only places gives them as the topic of the next', () => {
    assert.equal(resolveFollowUp('实施了多少个项目？', turnOf('去年杏州给了松岭县多少援助资金？')).question, '杏州、松岭县实施了多少个项目？');
    // (a side named of its own keeps its own words)
    assert.equal(resolveFollowUp('松岭这边谁讲了话？', turnOf('杏州高新区谁发言了？')).question, '松岭这边谁讲了话？');
  });
  test('words before a title that name no one make no subject', () => {
    assert.equal(subjectOf('回来以后县委开了个什么会？'), null);
    assert.equal(subjectOf('青石县委书记说了什么？'), '青石县委书记');
  });
});

describe('follow-ups that swap a counted kind, a home, or carry a day', () => {
  test('X呢 after a count asks the same count of X', () => {
    assert.equal(resolveFollowUp('园区呢？', turnOf('青石县考察团在杏州看了多少家企业？')).question, '青石县考察团在杏州看了多少个园区？');
    assert.equal(resolveFollowUp('合作社呢？', turnOf('白鹭市党政代表团一共走访了多少个村？')).question, '白鹭市党政代表团一共走访了多少个合作社？');
    assert.equal(resolveFollowUp('纪念馆呢？', turnOf('青石县考察团参观了几处旧址？')).question, '青石县考察团参观了几个纪念馆？');
  });
  test('a place alone, with no place asked before, swaps the delegation\'s home', () => {
    assert.equal(resolveFollowUp('那锡林郭勒呢？', turnOf('绵阳市党政代表团签了多少钱？')).question, '锡林郭勒党政代表团签了多少钱？');
    assert.equal(resolveFollowUp('乌兰察布呢？', turnOf('柳州考察团一行多少人？')).question, '乌兰察布考察团一行多少人？');
    // (a place asked before is the one swapped)
    assert.equal(resolveFollowUp('那德阳呢？', turnOf('绵阳市党政代表团在遵义看了几个点？')).question, '绵阳市党政代表团在德阳看了几个点？');
  });
  test('a known place, when the question reads no place at all, swaps the home too', () => {
    assert.equal(resolveFollowUp('那安康呢？', turnOf('铜川党政代表团签了多少钱？')).question, '安康党政代表团签了多少钱？');
    assert.equal(resolveFollowUp('汉中呢？', turnOf('铜川考察团一行多少人？')).question, '汉中考察团一行多少人？');
  });
  test('inspection and survey teams of the lexicon are subjects', () => {
    assert.equal(resolveFollowUp('组长是谁？', turnOf('第三巡视组进驻的是哪个县？')).question, '第三巡视组组长是谁？');
    assert.equal(resolveFollowUp('待了几天？', turnOf('省委第二检查组去了哪些单位？')).question, '省委第二检查组待了几天？');
  });
  test('a part of the day opening a question is of the day asked before', () => {
    assert.equal(resolveFollowUp('上午看的什么地方？', turnOf('青石县考察团第四天到的哪个城市？')).question, '青石县考察团第四天上午看的什么地方？');
    assert.equal(resolveFollowUp('下午参观了哪些企业？', turnOf('白鹭市党政代表团13日去了哪个县？')).question, '白鹭市党政代表团13日下午参观了哪些企业？');
  });
  test('第二天 after a question naming its day by its place in the trip swaps that day, whatever date the answer gave', () => {
    assert.equal(resolveFollowUp('第二天呢？', { ...turnOf('东川代表团第一天到的是哪个市？'), day: 9 }).question, '东川代表团第二天到的是哪个市？');
    assert.equal(resolveFollowUp('那次日呢？', { ...turnOf('西岭考察团首日去了哪些地方？'), day: 14 }).question, '西岭考察团次日去了哪些地方？');
    // (a question naming no day: the day after the one answered)
    assert.equal(resolveFollowUp('第二天呢？', { ...turnOf('东川代表团在北岭看了哪些地方？'), day: 9 }).question.includes('10日'), true);
  });
  test('X那场呢 with no place asked before: the one held in X, not the delegation of X, on whatever day', () => {
    assert.equal(resolveFollowUp('那四川那场呢？', turnOf('东川代表团第二天下午那个座谈会谁主持的？')).question, '东川代表团在四川那个座谈会谁主持的？');
    assert.equal(resolveFollowUp('那浙江那次呢？', turnOf('西岭市党政代表团13日上午的交流会在哪开的？')).question, '西岭市党政代表团在浙江的交流会在哪开的？');
    assert.equal(resolveFollowUp('湖北那场呢？', turnOf('南山代表团的座谈会是谁致辞的？')).question, '南山代表团在湖北的座谈会是谁致辞的？');
  });
  test('a day asked without its part asks the whole day', () => {
    assert.equal(resolveFollowUp('那第三天呢？', turnOf('青石县考察团第一天下午去了哪里？')).question, '青石县考察团第三天去了哪里？');
    assert.equal(resolveFollowUp('14号呢？', turnOf('白鹭市党政代表团13号上午看了什么？')).question, '白鹭市党政代表团14号看了什么？');
    // (the place asked of one day is that day's: another day asks wherever the group was)
    assert.equal(resolveFollowUp('那第二天呢？', turnOf('青石县考察团首日上午在杏州看了哪些地方？')).question, '青石县考察团第二天看了哪些地方？');
    assert.equal(resolveFollowUp('15日呢？', turnOf('白鹭市党政代表团14日在松岭考察了什么？')).question, '白鹭市党政代表团15日考察了什么？');
    assert.equal(resolveFollowUp('15号呢？', turnOf('白鹭市党政代表团14号在哪个县考察？')).question, '白鹭市党政代表团15号在哪个县考察？');
  });
  test('a village or town opening the question is its topic; an amount of it is asked next', () => {
    assert.equal(resolveFollowUp('村集体收入呢？', turnOf('桃源村一共有多少户？')).question, '桃源村的村集体收入是多少？');
    assert.equal(resolveFollowUp('产值呢？', turnOf('石湾镇有多少家企业？')).question, '石湾镇的产值是多少？');
    assert.equal(resolveFollowUp('旅游收入呢？', turnOf('柳林村去年接待了多少游客？')).question, '柳林村的旅游收入是多少？');
    // (乡镇干部 are the people of towns; 其中X乡 is a place inside the trip)
    assert.notEqual(turnOf('光明乡镇干部培训去了几天？').subject, '光明乡');
  });
  test('那个村 / 该村 / 这个镇 after an answer naming a village or town is that one', () => {
    const answer = (short: string, questionType: Answer['questionType']): Answer => ({
      question: '', questionType, found: true, short, sentences: [{ text: `代表团来到${short}。`, citations: [1] }], citations: [], nearest: [],
    });
    const previous = turnAfter('青石县考察组10日上午去的哪个村？', answer('杏花村', 'what'));
    assert.equal(resolveFollowUp('那个村去年集体收入多少？', previous).question, '杏花村去年集体收入多少？');
    assert.equal(resolveFollowUp('该村有多少户？', previous).question, '杏花村有多少户？');
    assert.equal(resolveFollowUp('这个镇有几家企业？', turnAfter('白鹭市代表团第二天去了哪个镇？', answer('松岭镇', 'what'))).question, '松岭镇有几家企业？');
  });
  test('a bare title asked (组长是谁) is asked of the previous topic, which stays', () => {
    assert.equal(resolveFollowUp('组长是谁？', turnOf('去青石县督查的是第几督查组？')).question, '青石县组长是谁？');
    assert.equal(resolveFollowUp('进驻动员会谁主持的？', turnOf('青石县组长是谁？')).question, '青石县进驻动员会谁主持的？');
    assert.equal(resolveFollowUp('书记是谁？', turnOf('白鹭市党政代表团去了哪？')).question, '白鹭市党政代表团书记是谁？');
    assert.deepEqual(placesIn('去松岭巡视的是哪个组').map((p) => p.text), ['松岭']);
  });
  test('the previous answer\'s paragraphs go with a follow-up on the same passage only', () => {
    const cited = [{ docId: 'a', paragraph: 3, quote: '签约项目8个，总投资50亿元。' }];
    const previous = { ...turnOf('青石县考察团在杏州签了几个项目？'), cited };
    assert.deepEqual(resolveFollowUp('一共多少钱？', previous).near, cited);
    assert.deepEqual(resolveFollowUp('总金额呢？', previous).near, cited);
    // Another place, day, part of the day or delegation is another passage.
    assert.equal(resolveFollowUp('那松岭呢？', previous).near, undefined);
    assert.equal(resolveFollowUp('那第二天呢？', { ...turnOf('青石县考察团第一天去了哪里？'), cited }).near, undefined);
    assert.equal(resolveFollowUp('下午呢？', { ...turnOf('青石县考察团第一天上午去了哪里？'), cited }).near, undefined);
    assert.equal(resolveFollowUp('那白鹭市考察团呢？', previous).near, undefined);
    // A turn with no subject: the question stays as typed, the passage goes along; a new subject starts afresh.
    const bare = { question: '那里的基地一年产多少吨？', subject: null, cited };
    assert.deepEqual(resolveFollowUp('带动了多少户？', bare), { question: '带动了多少户？', rewritten: false, near: cited });
    assert.equal(resolveFollowUp('白鹭市党政代表团去了哪里？', bare).near, undefined);
  });
  test('城 opens a place name only where a phrase starts', () => {
    assert.deepEqual(placesIn('城阳区的办结率是多少').map((p) => p.text), ['城阳区']);
    assert.deepEqual(placesIn('主城区有多少个项目').map((p) => p.text), []);
  });
});

table('a time frame alone (累计呢, 去年呢, 全年呢) asks the same question in that frame', [
  ['青石县今年1至6月向东川转移就业多少人？', '累计呢？', '青石县累计向东川转移就业多少人？'],
  ['北岭今年帮销了多少农产品？', '那去年呢？', '北岭去年帮销了多少农产品？'],
  ['南岭代表团这次签了几个项目？', '上次呢？', '南岭代表团上次签了几个项目？'],
  ['东川村集体收入上半年有多少？', '全年呢', '东川村集体收入全年有多少？'],
  // No frame written: the new one follows the subject.
  ['南岭代表团签了几个项目？', '去年呢？', '南岭代表团去年签了几个项目？'],
  // (a year written is the frame the new one replaces)
  ['北岭茶叶2024年在东川卖了多少钱？', '今年呢？', '北岭茶叶今年在东川卖了多少钱？'],
  ['青石县2023年向东川转移就业多少人？', '那去年呢？', '青石县去年向东川转移就业多少人？'],
  ['2024年两地签约总额是多少？', '今年呢？', '今年两地签约总额是多少？'],
]);

describe('那个村 after 哪个村 answered with a list: the one item of the asked kind', () => {
  const answer = (short: string): Answer => ({
    question: '', questionType: 'list', found: true, short, sentences: [{ text: `${short}。`, citations: [1] }], citations: [], nearest: [],
  });
  const cases: Array<[previous: string, short: string, asked: string, expected: string]> = [
    ['考察组12号下午去的哪个村？', '东岭镇白石村、合作社+农户模式', '那个村有多少户？', '东岭镇白石村有多少户？'],
    ['代表团第二天去了哪个镇？', '青石县柳湾镇、特色产业', '这个镇有多少人口？', '青石县柳湾镇有多少人口？'],
    ['结对的是哪个村？', '北岭村、东川县', '那个村去年集体收入多少？', '北岭村去年集体收入多少？'],
  ];
  for (const [previous, short, asked, expected] of cases) {
    test(`${asked} after ${previous} (${short}) → ${expected}`, () => assert.equal(resolveFollowUp(asked, turnAfter(previous, answer(short))).question, expected));
  }
});

table('another trip (那X去Y那次呢) replaces the delegation and the old destination with it', [
  ['青石县代表团去东川看了几个点？', '那北岭去南岭那次呢？', '北岭去南岭的代表团看了几个点？'],
  ['红枫团在白鹭签了什么协议？', '那东川去北岭那次呢？', '东川去北岭的代表团签了什么协议？'],
  ['西岭代表团赴南川带队的是谁？', '那柳湾去青石那次呢？', '柳湾去青石的代表团带队的是谁？'],
]);
