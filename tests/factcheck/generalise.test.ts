/**
 * Fact-check rules that must hold on claims never seen, on invented reports (no corpus or eval text): the tour
 * card decides the tour-level slots; a number or a place contradicts only when it fills the same slot (same
 * counted thing, same role, same tour); an enumerated count (三大领域) is a count. Every rule has three rewordings
 * of its own, written before the rule.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../../src/domain.ts';
import type { CorpusView, RetrievedChunk, Retriever } from '../../src/retrieve/index.ts';
import { toursOfArticles } from '../../src/tours/index.ts';
import { EvidenceFactChecker, type Verdict } from '../../src/factcheck/index.ts';
import { negationOf } from '../../src/factcheck/claim.ts';

function article(docId: string, title: string, source: string, publishedAt: string, paragraphs: string[]): Article {
  return {
    docId,
    file: `${docId}.txt`,
    meta: { title, source, author: null, publishedAt, url: null },
    contentHash: docId,
    addedAt: '2026-01-01T00:00:00Z',
    paragraphs: paragraphs.map((text, i) => ({ id: `${docId}#p${i + 1}`, docId, n: i + 1, text, kind: 'body' as const })),
  };
}

/** One city's trip, with several sums of money, an enumerated count and villages under their county. */
const YUEYANG = article('yueyang-ningbo', '岳阳市党政代表团赴宁波开展对口合作交流', '洞庭晚报', '2025-08-20', [
  '8月12日至15日，岳阳市委书记林志强、市长赵春梅率领岳阳市党政代表团赴浙江省宁波市学习考察。',
  '代表团一行共40人，4天走访了22个考察点。',
  '13日上午，两市对口合作座谈会在宁波举行，宁波市委书记钱国栋主持座谈会。',
  '座谈会上，两市政府签署了《宁波市人民政府 岳阳市人民政府对口合作框架协议》。根据协议，两市将在现代物流、生物医药、数字经济等三大领域加强合作。双方还商定在干部培训、产业转移和人才交流方面开展合作。',
  '现场签约了9个合作项目，总投资达86亿元。其中，海蓝新材料有限公司计划投资12亿元，在岳阳建设高分子材料基地。',
  '14日，代表团来到余姚市，走访了梁弄镇横坎头村和牟山镇湖山村。横坎头村去年村集体经营性收入达到260万元。',
  '余姚市农业农村局局长孙伟介绍了当地发展乡村旅游的做法。',
  '岳阳市将在城陵矶新港区规划建设约3平方公里的甬岳产业合作园，承接宁波企业的产能转移。',
  '15日下午，代表团结束考察返回岳阳。',
]);

/** An overview of several provinces' trips, with figures for all of them together. */
const OVERVIEW = article('overview-2025', '2025年上半年多省党政代表团外出考察综述', '综合新闻网', '2025-07-05', [
  '据统计，2025年上半年，全国至少有9个省份组织党政代表团赴外省考察，其中由省委书记、省长共同带队的有5个。',
  '3月10日至14日，陕西省委书记刘建国率领陕西省党政代表团赴江苏、安徽考察，走访了18个考察点。在南京举行的苏陕两省协作联席会议上，双方签署了产业协作协议。',
  '4月7日至10日，四川省委书记陈立新、省长周明率领四川省党政代表团赴广东考察，考察了25个考察点，签约项目总金额为300亿元。',
  '5月20日至23日，吉林省委书记孙海涛率领吉林省党政代表团赴浙江考察，走访了16个考察点，行程1200多公里。',
  '从总体看，9个省份合计签约项目总金额超过1500亿元。',
]);

/** A team named by its ordinal, led by someone with a two-character surname. */
const QINGHE = article('qinghe-inspection', '省委第三巡视组进驻清河县', '清河日报', '2025-03-14', [
  '3月5日，省委第三巡视组进驻清河县开展常规巡视，组长欧阳建华带队。',
  '巡视期间，第三巡视组深入清河县的乡镇和企业，走进白石镇东坡村了解基层党建情况。',
  '清河县委书记司马立军表示，将全力配合巡视工作。',
  '副组长、省政府副秘书长钱立新随组进驻。',
]);

/** A city's trip with a two-party agreement, a host who met them, villages counted and posts taken (任组长). */
const HUAIAN = article('huaian-wenzhou', '淮安市党政代表团赴温州考察', '淮河日报', '2025-10-20', [
  '10月14日至16日，淮安市委书记陈立群、市长方志远率领淮安市党政代表团赴浙江温州、台州考察。',
  '15日上午，温州市委书记周海峰会见代表团一行。会上，淮安市人民政府与温州市人民政府签署《淮安市人民政府 温州市人民政府经贸合作框架协议》。双方商定推动淮安与台州共建产业园区。',
  '在台州，代表团走进黄岩区的9个村，考察了城乡融合发展情况。',
  '16日，代表团在台州考察了黄岩模具产业园。此行历时3天，行程1300余公里。',
  '此行由市政府副秘书长李文任联络组组长，市发展改革委主任赵明兼任副组长。',
]);

/** A county's study trip led with a one-character verb (率…考察组): dates read from the sentence. */
const PINGSHAN = article('pingshan-linan', '平山县考察组赴临安学习数字乡村建设', '太行日报', '2025-06-09', [
  '6月3日至5日，平山县委书记马文军率平山县考察组前往杭州市临安区，学习数字乡村建设经验。',
  '考察组先后走访了5个村，了解“乡村大脑”平台运行情况。考察组分成2组，分别在两个镇座谈。',
]);

/** A local paper's report (我市 is 德州): leaders named after 带队的是, sites with numeral-like names, partners. */
const HEZE = article('heze-visit', '菏泽市党政代表团来我市考察', '德州日报', '2025-09-18', [
  '本报讯 9月16日，菏泽市党政代表团来我市考察，带队的是菏泽市委书记张新民和市长李卫东。我市市委书记王海鹰、市长刘建平陪同考察。',
  '代表团先后来到齐河县晏城街道、禹城市伦镇，走访了千禾农业科技园和五里村。',
  '座谈会上，张新民表示，菏泽与德州开展对口协作以来成效明显，菏泽还与聊城在物流领域开展合作。',
  '参加此次考察的菏泽市领导共有12人。',
]);

/** A leader whose name has four characters without a two-character surname. */
const ORDOS = article('ordos-visit', '鄂尔多斯市党政代表团到银川考察', '北方新报', '2025-07-10', [
  '7月7日至8日，鄂尔多斯市委书记阿拉坦仓率领鄂尔多斯市党政代表团到银川考察，宁夏回族自治区副主席马建军会见代表团一行。',
  '8日，代表团到灵武调研，考察了宁东能源化工基地。',
]);

/** Leaders named after 率领：一位是…, posts given with 由…担任, places the segmenter may not read, a span of days. */
const XIANGXI = article('xiangxi-tongren', '湘西州党政代表团赴铜仁学习考察', '武陵日报', '2025-11-20', [
  '11月12日至14日，湘西州党政代表团在贵州省铜仁市学习考察。代表团由两位负责人率领：一位是湘西州委书记、州人大常委会主任龙志民，另一位是州长田红军。铜仁市委书记杨明远陪同考察。',
  '在万山，代表团参观了朱砂古镇和九丰农业产业园。',
  '在碧江，代表团还专程去了梵净山生态展示馆，随后又参观了铜仁学院实训中心。',
  '13日，两地在铜仁召开协作座谈会，杨明远主持会议。',
  '两地协作工作组组长由湘西州副州长彭晓兰担任，副组长由铜仁市副市长吴海涛担任。',
]);

/** The host city's paper on the same trip, with another site count. */
const YUEYANG_HOST = article('yueyang-ningbo-host', '岳阳市党政代表团来甬考察', '甬江日报', '2025-08-16', [
  '8月12日至15日，岳阳市党政代表团来我市考察。代表团此行共走访20个考察点。',
  '宁波市委书记钱国栋会见代表团一行。',
]);

/** A county's visit with who accompanied it, and a meeting held in a named building of the host city. */
const LINSHUI = article('linshui-baihe', '林水县党政代表团赴白河市考察学习', '林水融媒体中心', '2025-06-20', [
  '6月17日至18日，林水县委书记彭志远率林水县党政代表团赴白河市考察学习。代表团一行20人。',
  '白河市委副书记、市长邓建华，副市长姚佳陪同考察。',
  '17日下午，代表团考察了白河茶叶交易市场和白河电商产业园。该产业园现有电商企业120家，2024年网络零售额15亿元，今年已培训林水籍学员85人。',
  '两天里，代表团考察企业、园区和市场6个。',
  '18日上午，两地茶产业合作座谈会在白河迎宾馆召开，白河市委书记韩立明介绍了白河茶产业发展情况。',
]);

/** A county's trip with figures in several frames (planned, cumulative, current), a counted list and contractions. */
const TONGXI = article('tongxi-anping', '桐溪县党政考察团赴安平市学习考察乡村产业', '桐溪发布', '2025-09-08', [
  '9月3日至5日，桐溪县委书记郑海涛率桐溪县党政考察团赴安平市学习考察乡村产业发展。考察团一行18人。',
  '三天里，考察团走访了企业、合作社和示范村共11个。',
  '在安平经开区，考察团参观了瑞丰农机智造基地。该基地去年农机下线突破1.2万台，产值达到8.6亿元。',
  '考察团还走访了安平市公共培训中心，该中心今年开办电商、直播等技能提升班6期，培训学员300人。',
  '在石桥村，村里引入民间资本改造闲置厂房12处，村民办事平均用时由3天缩短到半天。',
  '安平市表示，明年将安排帮扶资金1500万元；近五年来，安平市已累计投入帮扶资金6000万元。',
  '目前，安平各企业共有桐溪籍员工650人，其中技术骨干120人。安平农民工月均收入在4800元左右。',
  '两地签约合作项目9个，总金额13亿元。',
  '返程途中，考察团在汕头参观了汕头金穗饲料集团。',
]);

/** A host paper (我市 = 北岭): one leader meets, another accompanies; sites under their counties; figures in frames. */
const BEILING_HOST = article('songyan-beiling-host', '松岩县党政代表团来我市考察', '北岭日报', '2025-10-15', [
  '北岭日报讯 10月12日至13日，松岩县委书记何立新率松岩县党政代表团来我市考察。',
  '市委书记方志诚会见代表团一行，市委常委、副市长黄文斌陪同考察。',
  '12日，代表团来到青石县，考察了青石县光伏产业示范园。',
  '13日，代表团来到白沙县白沙镇，考察了茶叶精深加工基地和数字乡村服务中心。',
  '13日下午，代表团来到白沙镇枫林村，考察了果蔬托管服务中心；随后来到青石乡云溪村，参观了乡村振兴展示馆。',
  '在北岭经开区，代表团参观了北岭智能制造产业园，该园区累计引进企业86家，今年以来新增企业12家。',
  '北岭市累计向企业兑现奖补资金2.4亿元，其中今年以来兑现6000万元。北岭企业开办时间已压缩至0.5个工作日。',
  '座谈会由北岭市委书记方志诚主持，北岭市长林晓东介绍了北岭经济社会发展情况。',
  '北岭劳务工作站今年已开展岗前培训12期，计划明年再开展15期。',
]);

/** Two meetings, two chairs: the feedback chaired by the county secretary, the launch months before by the county head. */
const SONGXI = article('songxi-supervision', '省第二督查组向松溪县反馈督查情况', '松溪发布', '2025-11-10', [
  '11月6日，省第二督查组向松溪县反馈督查情况。督查组组长韩立群反馈督查情况，县委书记罗启明主持会议并作表态发言。',
  '9月3日至10月8日，省第二督查组对松溪县开展督查。9月3日召开的督查工作动员会由县委副书记、县长宋文涛主持，韩立群作动员讲话。',
  '督查期间，督查组走访了8个乡镇、30个村。',
]);

/** Figures that changed (由…缩短至), bounds written after the number (以上), a name opening with 一号. */
const YUNHE = article('yunhe-governance', '云禾镇推进基层治理和产业发展', '云禾发布', '2025-10-12', [
  '云禾镇群众诉求服务平台今年前三季度受理群众诉求2800件，平均办理时长由去年同期的4.5天缩短至1.8天。',
  '云禾镇32个村集体经济收入全部超过15万元，全镇果园亩均收益提高到9000元以上。',
  '云禾镇“一号专班”机制运行以来累计化解矛盾纠纷460件。',
]);

/** Two provinces named in full (川黔 in a claim), 当地, 给予 (= 发放), a team written 工作队. */
const CHUANQIAN = article('sichuan-guizhou-labour', '四川贵州签署劳务协作框架协议', '西南劳务网', '2025-05-10', [
  '5月8日，四川省与贵州省在成都签署劳务协作框架协议，双方将在技能培训、岗位对接等6个方面开展合作。',
  '对稳定就业6个月以上的务工人员，每人给予一次性交通补贴800元。',
  '第三批援黔工作队共有队员32名，其中教师14名。',
]);

/** A chair named without a title (由阿尔斯楞主持) and an agreement named in 《》. */
const BEIYUAN = article('huchuan-beiyuan', '湖川市党政代表团赴北原市考察', '北原日报', '2025-08-08', [
  '8月5日，湖川·北原合作交流座谈会在北原市举行。座谈会由阿尔斯楞主持，北原市委书记周立平致辞。',
  '会上，两市签署了《北原市 湖川市生态旅游合作协议》。',
  '代表团考察了北原全域旅游示范区，两市将在文旅项目上深化协作，共同编制框架协议以外的年度计划。',
]);

/** A return visit that recalls the first one, a year earlier, with its own figures. */
const RETURN_VISIT = article('quanxi-fenggang', '泉溪市党政代表团赴枫港市回访考察', '泉溪日报', '2025-11-20', [
  '11月12日至14日，泉溪市委书记魏长河、市长宁致远率领泉溪市党政代表团赴枫港市回访考察。',
  '这是继去年5月枫港市党政代表团来泉溪考察之后，两市主要领导的又一次互访。',
  '13日上午，两市对口合作座谈会召开，两市签署《枫港市 泉溪市文旅和康养协作备忘录》，企业现场签约合作项目8个，总投资31.5亿元。',
  '2024年5月，枫港市党政代表团到泉溪考察时，两市签约合作项目6个，总投资18.2亿元。',
  '今年以来，枫港帮销泉溪农特产品3260万元；去年签约的6个项目已开工4个。',
  '在泉溪抽查的12个村中，有9个村把茶叶作为主导产业。',
  '两市约定在物流、跨境电商和文旅3个领域深化合作。',
  '13日下午，代表团考察了枫港库区移民安置社区。枫港市负责人介绍，近年来当地累计搬迁库区群众3.6万人。',
]);

/** A year's review of one city's tours, with totals. */
const SHILING_REVIEW = article('shiling-review', '石岭市2025年党政代表团外出考察回眸', '石岭日报', '2025-12-20', [
  '2025年，石岭市先后组织3批党政代表团赴外省学习考察。记者梳理发现，3批代表团共有成员86人，实地察看考察点31个，签约合作项目18个，总投资42.5亿元。',
  '第一批：4月10日至12日，市委书记程远山率石岭市党政代表团赴江苏考察，代表团共30人。',
]);

/** Another city's review with the same site count and other sums: about another tour. */
const FENGTAI_REVIEW = article('fengtai-review', '枫台市2025年代表团考察综述', '枫台新闻网', '2025-12-22', [
  '2025年，枫台市组织党政代表团赴沿海地区学习考察。从人员看，三个代表团共102人，考察点位合计31个。',
  '两地签约合作项目12个，总金额60亿元，其中一个新材料项目投资20亿元，是此次签约中单体投资最大的项目。',
]);

/** A county's labour and sales cooperation, with figures of a part of the year and changes against last year. */
const XIYUAN_LABOUR = article('xiyuan-nangang', '溪源县党政代表团赴南岗县考察劳务协作', '溪源发布', '2025-10-18', [
  '10月14日至15日，溪源县委书记贺青松率溪源县党政代表团赴南岗县考察劳务协作。南岗县委副书记方立群全程陪同考察。',
  '参加此次考察的有县直有关部门和各乡镇主要负责同志，共28人。',
  '溪源县人社局介绍，今年1至9月，溪源县向南岗转移就业1320人，其中脱贫劳动力760人，同比增加210人；目前在南岗稳定就业的溪源籍务工人员有2410人。',
  '今年1至9月，南岗通过机关食堂采购、商超专柜等方式，采购、帮销溪源农特产品3650万元，同比增长21.4%。',
  '此前，市巡察组在溪源共发现问题线索17条，已全部整改。',
  '在随后举行的推介会上，两地现场签约项目6个，总金额9.8亿元。',
]);

/** A city's year of visits with its total and its parts, a supervision team by its ordinal, paired villages. */
const MEICHUAN_REVIEW = article('meichuan-review', '梅川市2025年东西部协作互访综述', '梅川日报', '2025-12-18', [
  '2025年，梅川市与结对帮扶的青石县、白沙县共开展7批互访交流，其中梅川赴两县4批、两县来梅川3批。',
  '11月3日至6日，省乡村振兴第四督导组在青石县开展督导调研。4天里，督导组走访了9个村，入户走访农户60户。',
  '在随后召开的协作座谈会上，青石县委书记龙海平致辞，梅川市委书记贺远山讲话。',
  '青石县石门村与梅川市桥头村于2023年结对，两村合办了茶叶加工厂。',
  '在次日的招商推介会上，梅川市市长程立新作城市推介，青石县副县长刘晓帆出席并讲话。',
  '第四督导组要求，青石县要在12月底前向督导组报送整改方案。',
]);

const ARTICLES = [YUEYANG, OVERVIEW, QINGHE, HUAIAN, HEZE, ORDOS, PINGSHAN, XIANGXI, YUEYANG_HOST, LINSHUI, TONGXI, BEILING_HOST, SONGXI, YUNHE, CHUANQIAN, BEIYUAN, RETURN_VISIT, SHILING_REVIEW, FENGTAI_REVIEW, XIYUAN_LABOUR, MEICHUAN_REVIEW];

const corpus: CorpusView = {
  getArticle: (docId) => ARTICLES.find((a) => a.docId === docId),
  getParagraph: () => undefined,
  getChunk: () => undefined,
};

/**
 * Returns every paragraph of every article as a chunk, those sharing the most character pairs with the claim first
 * (retrieval is not under test here, but the checker reads only the first few articles it is given).
 */
const everything: Retriever = {
  async retrieve(question: string): Promise<RetrievedChunk[]> {
    const pairs = new Set([...question].map((ch, i, all) => ch + (all[i + 1] ?? '')));
    const shared = (text: string) => [...text].filter((ch, i, all) => pairs.has(ch + (all[i + 1] ?? ''))).length;
    return ARTICLES.flatMap((a) =>
      a.paragraphs.map((p) => ({
        chunk: { id: `${a.docId}#c${p.n}`, docId: a.docId, paragraphNumbers: [p.n], start: 0, end: p.text.length, text: p.text },
        score: shared(p.text),
        denseRank: null,
        lexicalRank: null,
      })),
    ).sort((x, y) => y.score - x.score);
  },
};

const cards = toursOfArticles(ARTICLES);
const checker = new EvidenceFactChecker({ retriever: everything, corpus, tours: () => cards });

const RULES: Array<[string, Array<[string, Verdict]>]> = [
  [
    "the claim's year's figure is confirmed by the sentences of that year",
    [['2024年5月枫港市党政代表团到泉溪考察，两市签约合作项目6个。', 'supported']],
  ],
  [
    'words that say no fact (已有) or say it another way (当场, 投资总额, 销售, 关于…的备忘录) are found as the report says them',
    [
      ['泉溪代表团回访期间，两市企业当场签约合作项目8个，总投资31.5亿元。', 'supported'],
      ['去年签约的6个项目中已有4个开工。', 'supported'],
      ['今年以来枫港销售泉溪农特产品3260万元。', 'supported'],
      ['两市签署了关于文旅与康养协作的备忘录。', 'supported'],
      ['在泉溪抽查的12个村里，有9个村把茶叶当作主导产业。', 'supported'],
      ['泉溪枫港两市商定在物流、跨境电子商务和文旅等三个方面深化合作。', 'supported'],
      ['泉溪与枫港议定，在物流、跨境电商、文旅3个方面深化合作。', 'supported'],
    ],
  ],
  [
    'a bound written before a number (超过, 逾) is compared with it, never required as a word',
    [
      ['岳阳与宁波现场签约9个合作项目，总投资超过80亿元。', 'supported'],
      ['岳阳与宁波现场签约9个合作项目，总投资逾80亿元。', 'supported'],
      ['岳阳与宁波现场签约9个合作项目，总投资超过90亿元。', 'contradicted'],
      // 多达 ("as many as") states the number itself.
      ['岳阳市党政代表团4天走访的考察点多达22个。', 'supported'],
      ['岳阳市党政代表团4天走访的考察点多达25个。', 'contradicted'],
    ],
  ],
  [
    'leaders named only by their offices are no people (由市委书记和市长带队)',
    [
      ['岳阳市党政代表团由市委书记和市长带队赴宁波考察。', 'supported'],
      ['岳阳市党政代表团由市委书记、市长率领。', 'supported'],
      ['岳阳市党政代表团由市长带队赴宁波学习考察。', 'supported'],
      ['平山县考察组由县委书记带队前往临安。', 'supported'],
      ['平山县考察组由县委书记和县长带队前往临安。', 'not_found'],
    ],
  ],
  [
    'a claimed span of the tour is held against the card’s span',
    [
      ['岳阳市党政代表团于8月12日至16日赴宁波考察。', 'contradicted'],
      ['8月13日至15日，岳阳市党政代表团在宁波学习考察。', 'contradicted'],
      ['岳阳市党政代表团8月12日至15日赴宁波学习考察。', 'supported'],
      ['陕西省党政代表团3月9日至14日赴江苏、安徽考察。', 'contradicted'],
    ],
  ],
  [
    'in a report of several tours, only the claimed tour’s part counts',
    [
      ['陕西省党政代表团由省委书记陈立新率领。', 'contradicted'],
      ['四川省党政代表团共考察了18个考察点。', 'contradicted'],
      ['四川省党政代表团签约项目总金额超过1500亿元。', 'contradicted'],
      ['四川省党政代表团共考察了25个考察点。', 'supported'],
      ['吉林省党政代表团走访了18个考察点。', 'contradicted'],
    ],
  ],
  [
    'an enumerated count: 三大领域 counts three, as does a closed list',
    [
      ['两市将在现代物流、生物医药等三个领域加强合作。', 'supported'],
      ['岳阳和宁波约定在5个领域加强合作。', 'contradicted'],
      ['双方商定在三个方面开展合作。', 'supported'],
      ['双方商定在干部培训、人才交流等四个方面开展合作。', 'contradicted'],
    ],
  ],
  [
    'a linking verb (覆盖, 涉及, 涵盖) is not a fact to find',
    [
      ['两市合作覆盖现代物流、生物医药、数字经济三大领域。', 'supported'],
      ['根据协议，两市合作涵盖现代物流和生物医药等领域。', 'supported'],
      ['两市的合作框架协议涉及3个领域。', 'supported'],
    ],
  ],
  [
    'a sum contradicts only a sum of the same thing (what it is and whose)',
    [
      ['甬岳产业合作园首期计划投资20亿元。', 'not_found'],
      ['两市现场签约项目总投资达到90亿元。', 'contradicted'],
      ['现场签约的9个合作项目总投资86亿元。', 'supported'],
    ],
  ],
  [
    'a counter word is its noun (17个省 = 17个省份); 两省 before a name counts nothing',
    [
      ['2025年上半年至少有9个省的党政代表团赴外省考察。', 'supported'],
      ['2025年上半年全国至少有7个省份组织党政代表团外出考察。', 'contradicted'],
      ['上半年全国至少有9个省组织党政代表团赴外省考察。', 'supported'],
    ],
  ],
  [
    'a count before the group noun is a fact of its own, not part of the group’s name',
    [
      ['全国至少有8个省份派出党政代表团赴外省考察。', 'contradicted'],
      ['2025年上半年，全国至少有9个省份组织了党政代表团赴外省考察。', 'supported'],
      ['2025年上半年共有6个省份组织党政代表团赴外省考察。', 'contradicted'],
    ],
  ],
  [
    'an ordinal before a group noun counts that group (第三巡视组 = 巡视组第三组)',
    [
      ['省委第三巡视组进驻清河县开展巡视。', 'supported'],
      ['省委第四巡视组进驻清河县开展巡视。', 'contradicted'],
      ['巡视组第三组进驻清河县开展常规巡视。', 'supported'],
    ],
  ],
  [
    'a name with a two-character surname is read whole (欧阳建华)',
    [
      ['第三巡视组由组长欧阳建华带队进驻清河县。', 'supported'],
      ['第三巡视组由组长司马立军带队。', 'contradicted'],
      ['清河县委书记欧阳建华表示将全力配合巡视工作。', 'contradicted'],
    ],
  ],
  [
    'the parties to an agreement are the places its title or its signing names',
    [
      ['淮安市与台州市签署了经贸合作框架协议。', 'contradicted'],
      ['淮安与温州两市政府签署了经贸合作框架协议。', 'supported'],
      ['淮安市和温州市签订了经贸合作框架协议。', 'supported'],
    ],
  ],
  [
    'an office named without a name (温州市委书记) must be named as that office',
    [
      ['台州市委书记会见了淮安市党政代表团。', 'not_found'],
      ['温州市委书记会见了淮安市党政代表团。', 'supported'],
      ['浙江省委书记会见了淮安市党政代表团。', 'not_found'],
    ],
  ],
  [
    'a post stated with 是 is a title the person must hold (任组长 gives it too)',
    [
      ['联络组组长是市政府副秘书长李文。', 'supported'],
      ['联络组组长是市发展改革委主任赵明。', 'contradicted'],
      ['联络组副组长为赵明。', 'supported'],
    ],
  ],
  [
    'who chaired a named meeting is read where that meeting is, not at another meeting of the same report',
    [
      ['松溪县的督查工作动员会由县委书记罗启明主持。', 'contradicted'],
      ['督查工作动员会是罗启明主持的。', 'contradicted'],
      ['松溪县督查工作动员会由县长宋文涛主持。', 'supported'],
    ],
  ],
  [
    'a figure changed to a new value holds in the frame of the sentence, not of the old value (由去年同期的…缩短至)',
    [
      ['云禾镇群众诉求服务平台今年前三季度平均办理时长缩短到1.8天。', 'supported'],
      ['今年前三季度，云禾镇群众诉求服务平台的平均办理时长为1.8天。', 'supported'],
      ['云禾镇群众诉求服务平台今年前三季度平均办理时长为4.5天。', 'contradicted'],
    ],
  ],
  [
    'a bound after the number (以上) or before it with 了 (超过了) is the same bound',
    [
      ['云禾镇32个村的集体经济收入都在15万元以上。', 'supported'],
      ['云禾镇果园亩均收益超过了9000元。', 'supported'],
      ['云禾镇果园亩均收益为6000元。', 'contradicted'],
      // (the figure written is the same; only the source adds its bound)
      ['云禾镇果园亩均收益9000元。', 'supported'],
    ],
  ],
  [
    'a day in numerals right before a noun (一号专班) names a thing, not a date',
    [
      ['云禾镇“一号专班”机制运行以来累计化解矛盾纠纷460件。', 'supported'],
      ['“一号专班”累计化解了460件矛盾纠纷。', 'supported'],
      ['云禾镇“一号专班”累计化解矛盾纠纷500件。', 'contradicted'],
    ],
  ],
  [
    'a run of province abbreviations (川黔) is said where each province is named',
    [
      ['川黔劳务协作框架协议涵盖技能培训、岗位对接等6个方面的合作。', 'supported'],
      ['川黔两省在成都签署了劳务协作框架协议。', 'supported'],
      ['川黔劳务协作框架协议涵盖8个方面的合作。', 'contradicted'],
    ],
  ],
  [
    'generic places (当地), fragments (工作队里 → 队里) and lexicon verbs (发放 = 给予) are no missing facts',
    [
      ['对在当地稳定就业6个月以上的务工人员，每人发放一次性交通补贴800元。', 'supported'],
      ['第三批援黔工作队里有14名教师。', 'supported'],
      ['第三批援黔工作队里有16名教师。', 'contradicted'],
    ],
  ],
  [
    'a name the segmenter does not know, between 由 and a role verb, is a person in that role',
    [
      ['北原的合作交流座谈会由阿尔斯楞主持。', 'supported'],
      ['在北原举行的合作交流座谈会由乌兰图雅主持。', 'contradicted'],
      ['湖川·北原合作交流座谈会是由苏和巴特尔主持的。', 'contradicted'],
    ],
  ],
  [
    'what was signed, written 签的是一份…协议, is an agreement to find whole, not its words one by one',
    [
      ['北原和湖川两市签的是一份全域旅游协作框架协议。', 'not_found'],
      ['北原和湖川两市签了一份生态旅游合作协议。', 'supported'],
      ['两市签的是一份生态旅游合作框架协议。', 'not_found'],
    ],
  ],
  [
    'a count of villages (12个村) is a count of 村',
    [
      ['淮安市党政代表团在黄岩区走进了12个村。', 'contradicted'],
      ['淮安市党政代表团在台州走访了9个村。', 'supported'],
      ['淮安市党政代表团在台州考察了7个村。', 'contradicted'],
    ],
  ],
  [
    'a leader of another tour in the same report did not lead this one',
    [
      ['四川省党政代表团由省委书记刘建国率领。', 'contradicted'],
      ['吉林省党政代表团由四川省委书记陈立新带队。', 'contradicted'],
      ['吉林省党政代表团由省委书记孙海涛带队赴浙江考察。', 'supported'],
    ],
  ],
  [
    'a word the segmenter does not know, or reads as a numeral (千禾, 五里村), is a fact to find',
    [
      ['菏泽市党政代表团在伦镇走访了千禾农业科技园。', 'supported'],
      ['菏泽市党政代表团走访了千山农业科技园。', 'not_found'],
      ['菏泽市党政代表团在晏城街道走访了三里村。', 'not_found'],
    ],
  ],
  [
    'those named after 带队的是 led the group',
    [
      ['菏泽市党政代表团由市长刘建平带队。', 'contradicted'],
      ['菏泽市党政代表团由市委书记张新民和市长李卫东带队。', 'supported'],
      ['菏泽市党政代表团由市长李卫东率领来德州考察。', 'supported'],
    ],
  ],
  [
    'a place named without its group noun stands for the group of that home (参加菏泽市这次考察的…)',
    [
      ['参加菏泽市这次考察的市领导共有12人。', 'supported'],
      ['参加菏泽市此次考察的市领导共有15人。', 'contradicted'],
      ['菏泽市这次来德州考察的市领导共有12人。', 'supported'],
    ],
  ],
  [
    'a partner named in place of another (菏泽与德州 / 与聊城) is contradicted; a city is no person',
    [
      ['菏泽与聊城开展对口协作。', 'contradicted'],
      ['菏泽与德州开展对口协作。', 'supported'],
      ['菏泽与聊城签署了物流合作协议。', 'not_found'],
    ],
  ],
  [
    'a name of four characters after a title is read whole (阿拉坦仓)',
    [
      ['鄂尔多斯市党政代表团由市长阿拉坦仓率领到银川考察。', 'contradicted'],
      ['鄂尔多斯市委书记阿拉坦仓率团到银川考察。', 'supported'],
      ['宁夏回族自治区副主席阿拉坦仓会见了鄂尔多斯市党政代表团。', 'contradicted'],
    ],
  ],
  [
    'a name between a verb of going and one of visiting is a place (到灵武调研); a place dates the act',
    [
      ['鄂尔多斯市党政代表团7月8日到灵武调研。', 'supported'],
      ['阿拉坦仓7月7日到灵武调研。', 'contradicted'],
      ['鄂尔多斯市党政代表团7月9日到灵武调研。', 'contradicted'],
    ],
  ],
  [
    '2600余 is 2600 to 2699: another hundred or thousand is contradicted',
    [
      ['淮安市党政代表团此行行程2000多公里。', 'contradicted'],
      ['淮安市党政代表团此行行程1300多公里。', 'supported'],
      ['淮安市党政代表团3天行程1400余公里。', 'contradicted'],
    ],
  ],
  [
    'a site dates the visit to it, not a sentence that only names its place',
    [
      ['淮安市党政代表团10月15日在台州考察了黄岩模具产业园。', 'contradicted'],
      ['淮安市党政代表团10月16日在台州考察了黄岩模具产业园。', 'supported'],
      ['10月15日，淮安市党政代表团考察了黄岩模具产业园。', 'contradicted'],
    ],
  ],
  [
    'two spans of days for the same stay differ',
    [
      ['平山县考察组6月2日至5日前往临安学习。', 'contradicted'],
      ['平山县考察组6月3日至5日前往临安区学习。', 'supported'],
      ['平山县考察组6月3日至6日前往临安区学习数字乡村建设经验。', 'contradicted'],
    ],
  ],
  [
    'quotation marks do not make another word (“乡村大脑” = 乡村大脑)',
    [
      ['平山县考察组走访了5个村，了解乡村大脑平台运行情况。', 'supported'],
      ['平山县考察组了解了“乡村大脑”平台运行情况。', 'supported'],
      ['平山县考察组在临安了解乡村大脑平台的运行情况。', 'supported'],
    ],
  ],
  [
    'a count is no site name (9个合作项目); the same statement with another count is contradicted',
    [
      ['岳阳市党政代表团现场签约了12个合作项目。', 'contradicted'],
      ['岳阳与宁波现场签约了9个合作项目。', 'supported'],
      ['此次双方现场共签约了10个合作项目。', 'contradicted'],
    ],
  ],
  [
    'a post given with 由…担任 is a title, in the claim and in the report',
    [
      ['两地协作工作组组长由湘西州副州长彭晓兰担任。', 'supported'],
      ['两地协作工作组组长由铜仁市副市长吴海涛担任。', 'contradicted'],
      ['协作工作组副组长是吴海涛。', 'supported'],
    ],
  ],
  [
    'every title of a chain written before a name is theirs (州委书记、州人大常委会主任龙志民); names may end in 民',
    [
      ['湘西州党政代表团由州委书记龙志民和州长田红军率领。', 'supported'],
      ['湘西州人大常委会主任龙志民率团赴铜仁考察。', 'supported'],
      ['湘西州党政代表团由州长龙志民率领。', 'contradicted'],
    ],
  ],
  [
    'the card knows who led: someone else named as leading did not',
    [
      ['湘西州党政代表团由铜仁市委书记杨明远率领。', 'contradicted'],
      ['湘西州党政代表团由副州长彭晓兰带队赴铜仁考察。', 'contradicted'],
      ['湘西州党政代表团由州长田红军率领赴铜仁考察。', 'supported'],
    ],
  ],
  [
    'a duration is held against the span written for the place (11月12日至14日 is three days); 为期/历时 say nothing',
    [
      ['湘西州党政代表团在铜仁考察了三天。', 'supported'],
      ['湘西州党政代表团在铜仁学习考察了四天。', 'contradicted'],
      ['湘西州党政代表团此行为期3天。', 'supported'],
    ],
  ],
  [
    'a sentence opening with 在X， happens there, however the segmenter reads X',
    [
      ['湘西州党政代表团在万山参观了铜仁学院实训中心。', 'not_found'],
      ['湘西州党政代表团在碧江参观了铜仁学院实训中心。', 'supported'],
      ['湘西州党政代表团在万山参观了九丰农业产业园。', 'supported'],
    ],
  ],
  [
    'a person identifies a report only if it names them; the meeting does (someone else chaired it)',
    [
      ['王建国主持了会议并讲话。', 'not_found'],
      ['协作座谈会由杨明远主持。', 'supported'],
      ['王建国在协作座谈会上讲话并主持会议。', 'contradicted'],
    ],
  ],
  [
    'a denial is checked as what it denies: what the report says happened contradicts it, absence proves nothing',
    [
      ['岳阳市党政代表团此行没有去宁波。', 'contradicted'],
      ['岳阳市党政代表团不是由市委书记林志强率领的。', 'contradicted'],
      ['岳阳市党政代表团并未去温州。', 'not_found'],
    ],
  ],
  [
    'a province the report never names is not where the group went (its card lists provinces only)',
    [
      ['陕西省党政代表团赴浙江考察。', 'contradicted'],
      ['吉林省党政代表团赴广东考察。', 'contradicted'],
      ['陕西省党政代表团赴江苏、安徽考察。', 'supported'],
    ],
  ],
  [
    '约 strays a little: 约2000公里 is not 1300余公里, 约1300公里 is',
    [
      ['淮安市党政代表团此行行程约2000公里。', 'contradicted'],
      ['淮安市党政代表团此行行程约900公里。', 'contradicted'],
      ['淮安市党政代表团此行行程约1300公里。', 'supported'],
    ],
  ],
  [
    'a specific counter (3组, 49场) says what it counts: the claim’s other words need not be in its sentence',
    [
      ['平山县考察组学习数字乡村建设时分成4组。', 'contradicted'],
      ['平山县考察组在临安学习数字乡村建设经验，走访了6个村。', 'contradicted'],
      ['平山县考察组在临安学习数字乡村建设经验，分成2组座谈。', 'supported'],
    ],
  ],
  [
    'the place of an office is part of the title (台州市委书记 is not 温州市委书记)',
    [
      ['台州市委书记周海峰会见了淮安市党政代表团。', 'contradicted'],
      ['温州市委书记周海峰会见了淮安市党政代表团。', 'supported'],
      ['浙江省委书记周海峰会见了淮安市党政代表团。', 'contradicted'],
    ],
  ],
  [
    '率 before the group it leads says 率领',
    [
      ['平山县考察组由县委书记马文军率领。', 'supported'],
      ['平山县考察组由马文军带领前往临安。', 'supported'],
      ['平山县考察组由县长马文军率领。', 'contradicted'],
    ],
  ],
  [
    'a site after 去 is the site, not 去 and the site',
    [
      ['湘西州党政代表团去了梵净山生态展示馆。', 'supported'],
      ['湘西州党政代表团去朱砂古镇参观。', 'supported'],
      ['湘西州党政代表团去了铜仁博物馆。', 'not_found'],
    ],
  ],
  [
    'a village under its county is one site, found where the report is in that county',
    [
      ['岳阳市党政代表团走访了余姚市横坎头村。', 'supported'],
      ['余姚市横坎头村去年村集体经营性收入达到260万元。', 'supported'],
      ['代表团在余姚市走访了湖山村。', 'supported'],
    ],
  ],
  [
    'a movement verb before a place (深入, 走进) only says they went there',
    [
      ['岳阳市党政代表团深入余姚市梁弄镇考察。', 'supported'],
      ['岳阳市党政代表团走进余姚市横坎头村。', 'supported'],
      ['岳阳市党政代表团深入宁波学习考察。', 'supported'],
    ],
  ],
  [
    'the card confirms tour-level slots: leaders, destinations, site count, size',
    [
      ['岳阳市党政代表团由市长赵春梅带队赴宁波考察。', 'supported'],
      ['岳阳市党政代表团一行40人，走访了22个考察点。', 'supported'],
      ['岳阳市党政代表团此行共走访了25个考察点。', 'contradicted'],
      ['岳阳市党政代表团由市委书记赵春梅率领。', 'contradicted'],
    ],
  ],
  [
    'a claim attributed to an outlet is checked against that outlet\'s report',
    [
      ['据甬江日报报道，岳阳市党政代表团此行共走访了20个考察点。', 'supported'],
      ['洞庭晚报报道称，岳阳市党政代表团走访了20个考察点。', 'contradicted'],
      ['据洞庭晚报报道，岳阳市党政代表团4天走访了22个考察点。', 'supported'],
    ],
  ],
  [
    'where a named meeting was held: another venue for the same meeting is a contradiction',
    [
      ['两市对口合作座谈会在余姚举行。', 'contradicted'],
      ['岳阳与宁波的两市对口合作座谈会是在宁波召开的。', 'supported'],
      ['湘西和铜仁的协作座谈会在碧江召开。', 'contradicted'],
    ],
  ],
  [
    'a count of people of a named kind is not the delegation\'s head count',
    [
      ['岳阳市党政代表团组织100名果农赴宁波培训。', 'not_found'],
      ['宁波将邀请30名企业家赴岳阳考察。', 'not_found'],
      ['岳阳市党政代表团一行共45名成员。', 'contradicted'],
    ],
  ],
  [
    'a post given with 由…担任 is checked with the person\'s other titles (副组长 does not hold 组长)',
    [
      ['第三巡视组组长由省政府副秘书长钱立新担任。', 'contradicted'],
      ['第三巡视组副组长由省政府副秘书长钱立新担任。', 'supported'],
      ['两地协作工作组组长由铜仁市副市长吴海涛担任。', 'contradicted'],
    ],
  ],
  [
    'a local report naming no province is about the province its places lie in',
    [
      ['河北的省委第三巡视组进驻了清河县。', 'supported'],
      ['省委第三巡视组在河北开展常规巡视。', 'supported'],
      ['河北省的省委第三巡视组3月5日进驻清河县。', 'supported'],
    ],
  ],
  [
    'framing words (据报道, 专门, 开始, 担任) are never required',
    [
      ['据报道，岳阳市党政代表团专门走访了梁弄镇横坎头村。', 'supported'],
      ['两地协作工作组组长由湘西州副州长彭晓兰担任。', 'supported'],
      ['湘西州党政代表团开始在贵州省铜仁市学习考察。', 'supported'],
    ],
  ],
  [
    'words pointing at the trip (这趟…之行) are never required',
    [
      ['岳阳市党政代表团这趟宁波之行一共走访了22个考察点。', 'supported'],
      ['岳阳市党政代表团这趟宁波之行4天走访了22个考察点。', 'supported'],
      ['岳阳市党政代表团这趟宁波之行一共走访了25个考察点。', 'contradicted'],
    ],
  ],
  [
    'an agreement named with another middle is another agreement, spaces between its parties aside',
    [
      ['座谈会上，岳阳与宁波两市政府签署了《宁波市人民政府 岳阳市人民政府战略合作框架协议》。', 'contradicted'],
      ['座谈会上，岳阳与宁波两市政府签署了《宁波市人民政府岳阳市人民政府友好城市合作框架协议》。', 'contradicted'],
      ['座谈会上，岳阳与宁波两市政府签署了《宁波市人民政府 岳阳市人民政府对口合作框架协议》。', 'supported'],
    ],
  ],
  [
    'another document of the same parties is another document, whatever its kind',
    [
      ['座谈会上，两市政府签署了《宁波市人民政府 岳阳市人民政府港航物流合作备忘录》。', 'contradicted'],
      ['岳阳和宁波这次签的是《宁波市 岳阳市文化旅游合作协议》。', 'contradicted'],
      ['岳阳市政府与长沙市政府签署了《岳阳市 长沙市港口合作协议》。', 'not_found'],
    ],
  ],
  [
    'who accompanied is a role: someone named only for another act did not accompany',
    [
      ['林水县党政代表团在白河考察期间由白河市委书记韩立明陪同。', 'contradicted'],
      ['白河市委书记韩立明陪同林水县党政代表团考察。', 'contradicted'],
      ['林水县党政代表团在白河考察时，白河市长邓建华陪同。', 'supported'],
    ],
  ],
  [
    'a sentence speaking of the kind alone (该产业园) refers back to the institution named just before',
    [
      ['白河电商产业园2024年的网络零售额是15亿元。', 'supported'],
      ['白河电商产业园现有电商企业120家。', 'supported'],
      ['白河电商产业园2024年网络零售额为18亿元。', 'contradicted'],
    ],
  ],
  [
    'a share said in words (一半以上, 过半, 大部分) is a fact to confirm, never a filler',
    [
      ['白河电商产业园的电商企业中，一半以上是林水籍老板开的。', 'not_found'],
      ['白河电商产业园的120家电商企业大部分来自林水。', 'not_found'],
      ['白河电商产业园的电商企业过半做茶叶生意。', 'not_found'],
    ],
  ],
  [
    'a number after a list of nouns counts each of them; a verb before a head count names what it counts',
    [
      ['林水县党政代表团两天考察了9个企业、园区和市场。', 'contradicted'],
      ['白河电商产业园今年已培训林水籍学员85人。', 'supported'],
    ],
  ],
  [
    'a two-character name with the title the article gives it identifies the tour',
    [
      ['考察团由白河副市长姚佳率领。', 'contradicted'],
      ['这次考察由副市长姚佳带队。', 'contradicted'],
    ],
  ],
  [
    'a meeting held in another building of the same city is held elsewhere',
    [
      ['两地茶产业合作座谈会是在白河市政务服务中心开的。', 'contradicted'],
      ['两地茶产业合作座谈会在白河国际会展中心召开。', 'contradicted'],
      ['两地茶产业合作座谈会在白河迎宾馆召开。', 'supported'],
    ],
  ],
  [
    'a figure planned, cumulative or current fills only the slot of its own frame',
    [
      ['安平市明年将安排6000万元帮扶资金支持桐溪。', 'contradicted'],
      ['近五年来安平市已累计投入帮扶资金1500万元。', 'contradicted'],
      ['安平市明年将安排帮扶资金1500万元。', 'supported'],
      ['安平企业计划明年再招收120名桐溪籍员工。', 'not_found'],
      ['安平企业今后还将新招桐溪籍员工650人。', 'not_found'],
    ],
  ],
  [
    'a contracted word (总额, 技能班) is the longer word the report writes',
    [
      ['两地签约项目9个，总额13亿元。', 'supported'],
      ['安平市公共培训中心今年办了6期技能班，培训300人。', 'supported'],
      ['两地签约合作项目9个，总额15亿元。', 'contradicted'],
    ],
  ],
  [
    'a number after a list of nouns is confirmed by the same list, not by one of its nouns',
    [
      ['考察团三天走访了11个企业、合作社和示范村。', 'supported'],
      ['三天里桐溪县党政考察团走访了企业、合作社和示范村共11个。', 'supported'],
      ['考察团三天走访了13个企业、合作社和示范村。', 'contradicted'],
      ['桐溪县党政考察团三天走访了11个企业。', 'not_found'],
    ],
  ],
  [
    'a bound said as 突破 is at least; the claim\'s noun in the clause before the number names what it counts',
    [
      ['瑞丰农机智造基地去年下线农机超过1.2万台。', 'supported'],
      ['瑞丰农机智造基地去年农机下线超1.2万台。', 'supported'],
      ['瑞丰农机智造基地去年下线农机1万台。', 'contradicted'],
    ],
  ],
  [
    'synonyms of the lexicon: 引进 = 引入, 群众 = 村民 = 居民',
    [
      ['石桥村引进民间资本改造了12处闲置厂房。', 'supported'],
      ['石桥村群众办事平均用时由3天缩短到半天。', 'supported'],
      ['石桥村居民办事平均用时从3天缩短到半天。', 'supported'],
    ],
  ],
  [
    'a sum of money is contradicted only by a sum of the same thing, never by a sum named nothing',
    [
      ['安平市总工会向桐溪捐赠了50万元慰问金。', 'not_found'],
      ['桐溪县向安平企业员工发放了20万元交通补贴。', 'not_found'],
      ['安平市商务局拿出80万元奖励桐溪电商企业。', 'not_found'],
    ],
  ],
  [
    'who accompanied is said in the name\'s clause or before 陪同 with no other act between',
    [
      ['北岭市委书记方志诚陪同松岩县党政代表团考察。', 'contradicted'],
      ['方志诚陪同松岩县党政代表团在北岭考察。', 'contradicted'],
      ['北岭市副市长黄文斌陪同松岩县党政代表团考察。', 'supported'],
    ],
  ],
  [
    'a site visited under one county was not visited in another',
    [
      ['松岩县党政代表团在白沙县考察了光伏产业示范园。', 'contradicted'],
      ['松岩县党政代表团在青石县考察了茶叶精深加工基地。', 'contradicted'],
      ['松岩县党政代表团在白沙县考察了茶叶精深加工基地。', 'supported'],
      // (a village the extractor does not know, read where it is written)
      ['松岩县党政代表团在云溪村考察了果蔬托管服务中心。', 'contradicted'],
      ['代表团在枫林村参观了乡村振兴展示馆。', 'contradicted'],
      ['松岩县党政代表团在枫林村考察了果蔬托管服务中心。', 'supported'],
    ],
  ],
  [
    'a title opening with the place\'s suffix (北岭市长) is a title, not part of the place',
    [
      ['座谈会由北岭市长林晓东主持。', 'contradicted'],
      ['北岭市长林晓东会见了松岩县党政代表团。', 'contradicted'],
      ['座谈会由北岭市委书记方志诚主持。', 'supported'],
    ],
  ],
  [
    'this year (今年以来) and cumulative figures are different slots; a verb before the number names the slot',
    [
      ['北岭智能制造产业园今年以来新增企业86家。', 'contradicted'],
      ['北岭智能制造产业园累计引进企业12家。', 'contradicted'],
      ['北岭智能制造产业园今年以来新增企业12家。', 'supported'],
      ['北岭市今年以来已经兑现奖补资金2.4亿元。', 'contradicted'],
      ['今年以来，北岭市兑现奖补资金6000万元。', 'supported'],
      ['北岭市累计兑现奖补资金6000万元。', 'contradicted'],
      // (planned and done already are never one figure)
      ['北岭劳务工作站今年计划开展岗前培训20期。', 'not_found'],
      ['北岭劳务工作站今年已开展岗前培训12期。', 'supported'],
      ['北岭劳务工作站今年已经开展岗前培训15期。', 'contradicted'],
    ],
  ],
  [
    'names sharing only a place and a head (汕头|港集团, 汕头|金穗饲料集团) are different names, not one changed',
    [
      ['桐溪县党政考察团在汕头参观了汕头港集团。', 'not_found'],
      ['桐溪县党政考察团参观了汕头港务集团。', 'not_found'],
      ['桐溪县党政考察团在汕头参观了汕头金穗饲料集团。', 'supported'],
    ],
  ],
  [
    'a half (半个, 半天) is 0.5; 经开区 is 经济技术开发区',
    [
      ['北岭已把企业开办时间压缩到半个工作日。', 'supported'],
      ['北岭企业开办时间已压缩至半个工作日。', 'supported'],
      ['北岭已把企业开办时间压缩到1个工作日。', 'contradicted'],
      ['松岩县党政代表团在北岭经济技术开发区参观了北岭智能制造产业园。', 'supported'],
      ['北岭经济开发区的智能制造产业园累计引进企业86家。', 'supported'],
    ],
  ],
  [
    'a report that never names the claim\'s city is about another tour: its figures contradict nothing (and 一共 ends a counted noun)',
    [
      ['2025年石岭3批代表团一共察看了31个考察点，签约项目总投资42.5亿元。', 'supported'],
      ['石岭市2025年3批代表团合计察看考察点31个，签约项目总投资42.5亿元。', 'supported'],
      ['2025年石岭市的3批代表团总共签约项目18个，总投资42.5亿元。', 'supported'],
      // (one word the report does not say: not confirmed, and the other city's sums contradict nothing)
      ['2025年石岭3批代表团察看了31个考察点，签约项目总投资42.5亿元，成果丰硕。', 'not_found'],
      ['石岭市2025年的代表团察看考察点31个，签约总投资42.5亿元，创历年新高。', 'not_found'],
      ['2025年石岭代表团考察点共31个，签约项目总投资42.5亿元，均为制造业项目。', 'not_found'],
    ],
  ],
  [
    'a count is pinned by the claim\'s words around it: another count of people in the report does not contradict it',
    [
      ['溪源县计划明年在南岗再设一个服务站，并派驻4名专职工作人员。', 'not_found'],
      ['在南岗务工的溪源脱贫劳动力中，已有200人在当地购房落户。', 'not_found'],
      ['溪源籍务工人员里已有150人在南岗创办了企业。', 'not_found'],
      ['目前在南岗稳定就业的溪源籍务工人员有2600人。', 'contradicted'],
      // (a group's size on both sides needs no other word: 共组织35人赴… against …，共28人)
      ['溪源县此次共组织35人赴南岗考察劳务协作。', 'contradicted'],
      ['溪源县这次组织了35人到南岗学习劳务协作经验。', 'contradicted'],
      ['溪源县党政代表团这次一行35人赴南岗考察劳务协作。', 'contradicted'],
    ],
  ],
  [
    '前N个月 is 1至N月; 比去年同期 is 同比 (the figure is this year\'s); 金额 is no fact of its own',
    [
      ['今年前9个月，南岗采购和帮销溪源农特产品的金额比去年同期增长21.4%。', 'supported'],
      ['今年前9个月，溪源县向南岗转移就业的脱贫劳动力有760人，比上年同期多210人。', 'supported'],
      ['前9个月南岗帮销溪源农特产品3650万元，比去年同期增长21.4%。', 'supported'],
      ['今年前9个月，南岗帮销溪源农特产品的金额比去年同期增长25%。', 'contradicted'],
    ],
  ],
  [
    '作陪 is 陪同; a character glued to an adverb (组共) is no word; an adverb (共现场签下) opens no name',
    [
      ['南岗县委副书记方立群全程作陪。', 'supported'],
      ['溪源代表团考察期间由方立群作陪。', 'supported'],
      ['市巡察组共发现17条问题线索。', 'supported'],
      ['巡察组共发现问题线索17条。', 'supported'],
      ['溪源的巡察组共发现17条问题线索。', 'supported'],
      ['推介会上，共现场签下6个项目。', 'supported'],
      ['两地在推介会上共现场签约6个项目，总金额9.8亿元。', 'supported'],
    ],
  ],
  [
    'a sentence that gives the claimed total is not contradicted by the parts it breaks it into',
    [
      ['2025年梅川与青石、白沙两县共开展7批互访。', 'supported'],
      ['梅川市2025年与结对县互访交流共7批。', 'supported'],
      ['2025年梅川与青石、白沙两县一共开展了7批互访交流。', 'supported'],
      ['2025年梅川与青石、白沙共开展9批互访。', 'contradicted'],
    ],
  ],
  [
    'a document named without its parties: another kind of the same topic in the report contradicts it',
    [
      ['岳阳与宁波在座谈会上签署了对口合作备忘录。', 'contradicted'],
      ['宁波与岳阳两市政府签订了对口合作意向书。', 'contradicted'],
      ['淮安与温州签署了经贸合作备忘录。', 'contradicted'],
      // (签署的是一份…: the document's name starts after 是一份)
      ['淮安与温州签署的是一份经贸合作备忘录。', 'contradicted'],
      ['岳阳和宁波签订的是一份对口合作意向书。', 'contradicted'],
      ['宁波与岳阳两市政府签署了对口合作框架协议。', 'supported'],
      ['淮安市政府与温州市政府签署了经贸合作框架协议。', 'supported'],
    ],
  ],
  [
    'what a report asks to be done is not reported done (已报送 against 要在…前报送)',
    [
      ['青石县已于12月底前向第四督导组报送了整改方案。', 'not_found'],
      ['青石县已经向第四督导组报送整改方案。', 'not_found'],
      ['第四督导组要求青石县在12月底前报送整改方案。', 'supported'],
    ],
  ],
  [
    '作了致辞 after a name: the name ends before 作',
    [
      ['协作座谈会上，青石县委书记龙海平作了致辞。', 'supported'],
      ['在协作座谈会上，龙海平作致辞。', 'supported'],
      ['青石县委书记龙海平在协作座谈会上做了致辞。', 'supported'],
      // (会上作了致辞: the locative glued to 作 is no word of the claim)
      ['青石县委书记龙海平在梅川的协作座谈会上作了致辞。', 'supported'],
      // (作 before another act is read with the name: who did that act is another person)
      ['招商推介会上，青石县副县长刘晓帆作了城市推介。', 'contradicted'],
    ],
  ],
  [
    'N天时间 is N天; 结成对子 is 结对; 第四督导组 is the fourth 组 of the report',
    [
      ['督导组用4天时间走访了9个村。', 'supported'],
      ['第四督导组4天时间里走访9个村。', 'supported'],
      ['石门村和桥头村2023年结成了对子。', 'supported'],
      ['石门村与桥头村在2023年结为对子。', 'supported'],
      ['2023年，石门村与桥头村结成对子。', 'supported'],
      ['省乡村振兴第四督导组在青石县开展督导调研。', 'supported'],
      ['第四督导组到青石县开展了督导调研。', 'supported'],
    ],
  ],
];

describe('fact-check on claims never seen (invented reports)', () => {
  for (const [rule, claims] of RULES) {
    test(rule, async () => {
      for (const [claim, expected] of claims) {
        const result = await checker.check(claim);
        assert.equal(result.verdict, expected, `${claim} → ${result.explanation}`);
      }
    });
  }

  test("a figure of this year's visit never confirms a claim about last year's (a return visit recalls the first one)", async () => {
    for (const claim of ['2024年5月枫港市党政代表团到泉溪考察时，两市当场签约合作项目8个。', '2024年5月，枫港代表团来泉溪时两市签约项目总投资31.5亿元。', '2024年枫港市党政代表团到访泉溪，双方签下8个合作项目。']) {
      const result = await checker.check(claim);
      assert.notEqual(result.verdict, 'supported', `${claim} → ${result.explanation}`);
    }
  });

  test('a denial describing a noun (尚未完工的安置房) denies nothing', () => {
    assert.equal(negationOf('尚未完工的安置房须在3月底前交付'), null);
    assert.equal(negationOf('还没有结对的村要在年底前完成结对'), null);
    assert.notEqual(negationOf('梅川代表团没有去青石县'), null);
  });

  test("a group's size (一行45人) is contradicted only by a count of the group, not by other people counted", async () => {
    for (const claim of ['泉溪市党政代表团此次赴枫港回访考察，一行共有60余人。', '泉溪代表团这次去枫港回访考察，全团共50人。', '泉溪市党政代表团赴枫港回访考察，代表团成员30余人。']) {
      const result = await checker.check(claim);
      assert.equal(result.verdict, 'not_found', `${claim} → ${result.explanation}`);
    }
  });

  test('the count after a list of nouns is that slot: the same number is confirmed, never contradicted', async () => {
    for (const claim of ['林水县党政代表团两天考察了6个企业、园区和市场。', '两天里林水县党政代表团共考察6个企业、园区和市场。']) {
      const result = await checker.check(claim);
      assert.equal(result.verdict, 'supported', `${claim} → ${result.explanation}`);
    }
  });

  test('a contradicted span quotes the span as the report writes it', async () => {
    const result = await checker.check('岳阳市党政代表团于8月12日至16日赴宁波考察。');
    assert.match(result.explanation, /8月12日至15日/);
    assert.equal(result.evidence[0]?.paragraphId, 'yueyang-ningbo#p1');
  });
});
