/**
 * Domain vocabulary for jieba. The stock dictionary splits officials' names (沈|晓明) and glues or cuts delegation
 * vocabulary (党政|代表团, 考察|点) in ways that hurt both BM25 and entity spotting. Every word here is loaded
 * into the shared segmenter with a part-of-speech tag: people nr, places ns, organisations nt, other terms n/nz.
 */

export interface DomainTerm {
  word: string;
  /** jieba part-of-speech tag. */
  tag: 'nr' | 'ns' | 'nt' | 'n' | 'nz';
}

/** Provincial-level divisions: official name, everyday name, one-character abbreviation(s). */
export interface Province {
  name: string;
  common: string;
  abbreviations: readonly string[];
}

/** All 34 provincial-level divisions. Abbreviations are data for query expansion, not jieba words (single characters). */
export const PROVINCES: readonly Province[] = [
  { name: '北京市', common: '北京', abbreviations: ['京'] },
  { name: '天津市', common: '天津', abbreviations: ['津'] },
  { name: '上海市', common: '上海', abbreviations: ['沪'] },
  { name: '重庆市', common: '重庆', abbreviations: ['渝'] },
  { name: '河北省', common: '河北', abbreviations: ['冀'] },
  { name: '山西省', common: '山西', abbreviations: ['晋'] },
  { name: '辽宁省', common: '辽宁', abbreviations: ['辽'] },
  { name: '吉林省', common: '吉林', abbreviations: ['吉'] },
  { name: '黑龙江省', common: '黑龙江', abbreviations: ['黑'] },
  { name: '江苏省', common: '江苏', abbreviations: ['苏'] },
  { name: '浙江省', common: '浙江', abbreviations: ['浙'] },
  { name: '安徽省', common: '安徽', abbreviations: ['皖'] },
  { name: '福建省', common: '福建', abbreviations: ['闽'] },
  { name: '江西省', common: '江西', abbreviations: ['赣'] },
  { name: '山东省', common: '山东', abbreviations: ['鲁'] },
  { name: '河南省', common: '河南', abbreviations: ['豫'] },
  { name: '湖北省', common: '湖北', abbreviations: ['鄂'] },
  { name: '湖南省', common: '湖南', abbreviations: ['湘'] },
  { name: '广东省', common: '广东', abbreviations: ['粤'] },
  { name: '海南省', common: '海南', abbreviations: ['琼'] },
  { name: '四川省', common: '四川', abbreviations: ['川', '蜀'] },
  { name: '贵州省', common: '贵州', abbreviations: ['黔', '贵'] },
  { name: '云南省', common: '云南', abbreviations: ['滇', '云'] },
  { name: '陕西省', common: '陕西', abbreviations: ['陕', '秦'] },
  { name: '甘肃省', common: '甘肃', abbreviations: ['甘', '陇'] },
  { name: '青海省', common: '青海', abbreviations: ['青'] },
  { name: '台湾省', common: '台湾', abbreviations: ['台'] },
  { name: '内蒙古自治区', common: '内蒙古', abbreviations: ['蒙'] },
  { name: '广西壮族自治区', common: '广西', abbreviations: ['桂'] },
  { name: '西藏自治区', common: '西藏', abbreviations: ['藏'] },
  { name: '宁夏回族自治区', common: '宁夏', abbreviations: ['宁'] },
  { name: '新疆维吾尔自治区', common: '新疆', abbreviations: ['新'] },
  { name: '香港特别行政区', common: '香港', abbreviations: ['港'] },
  { name: '澳门特别行政区', common: '澳门', abbreviations: ['澳'] },
];

/** Officials, reporters and other people named in the corpus. */
const PEOPLE = [
  '习近平', '沈晓明', '毛伟明', '李殿勋', '吴桂英', '隋忠诚', '谢卫江', '魏建锋', '杨浩东', '汪一光', '张迎春', '秦国文',
  '李建中', '王一鸥', '蒋涤非', '周海兵', '王俊寿', '刘志仁', '吴巨培', '易炼红', '王浩', '黄莉新', '刘捷', '彭佳学',
  '陈奕君', '刘小涛', '陈金彪', '卢山', '吴韬', '谭勇', '寻健', '周登高', '刘玉先', '王义正', '陈星晓', '张国军', '胡立强',
  '唐俊', '刘尚文', '杨佳俊', '彭展', '李翼骏', '郭立亮', '胡清', '周帙恒', '胡迎赢',
];

/** Official titles, kept whole so "市委书记 刘志仁" yields 市委书记 + 刘志仁. */
const TITLES = [
  '总书记', '省委书记', '省委副书记', '省长', '代省长', '副省长', '常务副省长', '省委常委', '省委秘书长', '秘书长',
  '市委书记', '市委副书记', '市长', '代市长', '副市长', '常务副市长', '市委常委', '州委书记', '州长', '县委书记',
  '县委副书记', '县长', '代县长', '副县长', '区委书记', '区委副书记', '区长', '党工委书记', '党组书记', '组织部部长',
  '宣传部部长', '统战部部长', '政法委书记', '人大常委会主任', '政协主席', '全媒体记者', '责任编辑', '值班总编辑',
];

/** Cities, counties, districts and regions seen in delegation reporting (besides the provinces). */
const PLACES = [
  '长沙', '株洲', '湘潭', '衡阳', '邵阳', '岳阳', '常德', '张家界', '益阳', '郴州', '永州', '怀化', '娄底', '湘西州',
  '湘西土家族苗族自治州', '石门', '洞口县', '桃江县', '临武', '武陵区', '岳麓区', '湘江新区', '长沙高新区', '郴州高新区',
  '广州', '深圳', '珠海', '东莞', '南昌', '景德镇', '武汉', '杭州', '金华', '义乌', '绍兴', '无锡', '江阴', '嘉兴',
  '海宁', '桐乡', '嘉善', '苏州', '昆山', '常熟', '宁波', '余姚', '慈溪', '平湖', '泰州', '泰兴', '南通', '如皋',
  '南京', '余杭区', '柯桥区', '新吴区', '滨湖区', '梁溪区', '前湾新区', '徐汇区', '浦东', '前海', '粤港澳大湾区',
  '大湾区', '长三角', '湘赣边', '三湘大地', '中新广州知识城', '江浙',
];

/** Outlets, bodies and companies that recur in the reporting. */
const ORGANISATIONS = [
  '党政代表团', '考察团', '党政考察团', '省委常委会', '中共中央政治局', '湖南省人民政府', '红网', '新京报', '新浪财经',
  '中国访谈网', '浙江日报', '湖南日报', '新湖南', '浙江发布', '浙江卫视', '时刻新闻', '省发展改革委', '省科技厅',
  '阿里巴巴', '吉利汽车', '格力电器', '华为', '越秀集团', '中国科学院', '中科院', '中车时代', '中国铁建重工集团',
  '中共一大纪念馆', '紫金山实验室',
];

/** Recurring domain vocabulary. */
const TERMS = [
  '考察点', '学习考察', '考察学习', '督导调研', '调研督导', '高质量发展', '专题培训班', '现场教学', '战略合作框架协议',
  '战略合作协议', '合作框架协议', '交流总结会', '总结会', '交流座谈会', '党政正职', '县域经济', '招商引资', '营商环境',
  '一把手', '省领导', '市州', '经济运行', '党代会', '主题教育', '同题共答', '四季度', '湘伴君',
];

/** Slogans: a named number formula must stay one token (三高四新 is not 三|高|四|新). */
const SLOGANS = ['三高四新', '一极六区', '十四五', '十五五', '八八战略', '一号工程', '六小龙', '一江两岸', '两重两新'];

const TAGGED: ReadonlyArray<readonly [readonly string[], DomainTerm['tag']]> = [
  [PEOPLE, 'nr'],
  [TITLES, 'n'],
  [PROVINCES.flatMap((p) => [p.name, p.common]), 'ns'],
  [PLACES, 'ns'],
  [ORGANISATIONS, 'nt'],
  [TERMS, 'n'],
  [SLOGANS, 'nz'],
];

/** Every domain word with its tag, first occurrence wins. */
export const DOMAIN_TERMS: readonly DomainTerm[] = (() => {
  const seen = new Set<string>();
  const terms: DomainTerm[] = [];
  for (const [words, tag] of TAGGED) {
    for (const word of words) {
      if (!seen.has(word)) terms.push({ word, tag });
      seen.add(word);
    }
  }
  return terms;
})();

/**
 * jieba frequency given to every domain word: high enough to beat the stock dictionary's split of a name into
 * surname + given name (沈|晓明), low enough not to swallow neighbouring words.
 */
export const DOMAIN_WORD_FREQUENCY = 20_000;

/** The domain vocabulary in jieba's `word freq tag` line format, ready for `Jieba.loadDict`. */
export function domainDictionary(frequency: number = DOMAIN_WORD_FREQUENCY): Uint8Array {
  const lines = DOMAIN_TERMS.map(({ word, tag }) => `${word} ${frequency} ${tag}`);
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}
