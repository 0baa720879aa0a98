/**
 * Deterministic synthetic corpus for the benchmark: CorpusRecord objects at any size, built from a
 * vocabulary of policy and technology-law words in Traditional Chinese and English. Every random choice
 * comes from a seeded PRNG (mulberry32), so the same seed and size always give the same corpus.
 */
import type { CorpusRecord } from '../src/core/corpus/record';

/** mulberry32: small, fast, good enough for benchmark data. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  readonly #next: () => number;

  constructor(seed: number) {
    this.#next = mulberry32(seed);
  }

  /** [0, 1) */
  float(): number {
    return this.#next();
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.#next() * n);
  }

  /** Integer in [min, max]. */
  range(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.#next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[this.int(items.length)]!;
  }

  /** k distinct items, in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    const count = Math.min(k, copy.length);
    for (let index = 0; index < count; index++) {
      const other = index + this.int(copy.length - index);
      [copy[index], copy[other]] = [copy[other]!, copy[index]!];
    }
    return copy.slice(0, count);
  }
}

/** A word or phrase in both languages. */
type Pair = readonly [zh: string, en: string];

export const RECORD_TYPES = [
  'agreement', 'declaration', 'press-release', 'statement', 'article', 'event', 'organization', 'person', 'place', 'concept', 'law',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

const PLACES: readonly Pair[] = [
  ['臺灣', 'Taiwan'], ['美國', 'United States'], ['英國', 'United Kingdom'], ['歐盟', 'European Union'], ['日本', 'Japan'],
  ['韓國', 'South Korea'], ['新加坡', 'Singapore'], ['加拿大', 'Canada'], ['澳洲', 'Australia'], ['德國', 'Germany'],
  ['法國', 'France'], ['印度', 'India'], ['紐西蘭', 'New Zealand'], ['荷蘭', 'Netherlands'], ['瑞士', 'Switzerland'],
  ['以色列', 'Israel'], ['巴西', 'Brazil'], ['愛爾蘭', 'Ireland'], ['芬蘭', 'Finland'], ['瑞典', 'Sweden'],
  ['丹麥', 'Denmark'], ['挪威', 'Norway'], ['愛沙尼亞', 'Estonia'], ['香港', 'Hong Kong'], ['馬來西亞', 'Malaysia'],
  ['泰國', 'Thailand'], ['越南', 'Vietnam'], ['菲律賓', 'Philippines'], ['印尼', 'Indonesia'], ['智利', 'Chile'],
  ['墨西哥', 'Mexico'], ['南非', 'South Africa'], ['義大利', 'Italy'], ['西班牙', 'Spain'], ['波蘭', 'Poland'],
  ['奧地利', 'Austria'], ['比利時', 'Belgium'], ['盧森堡', 'Luxembourg'], ['葡萄牙', 'Portugal'], ['捷克', 'Czech Republic'],
  ['聯合國', 'United Nations'], ['經濟合作暨發展組織', 'OECD'], ['七大工業國集團', 'G7'], ['亞太經濟合作', 'APEC'],
];

const TOPICS: readonly Pair[] = [
  ['人工智慧', 'Artificial Intelligence'], ['生成式人工智慧', 'Generative AI'], ['前沿人工智慧', 'Frontier AI'],
  ['個人資料', 'Personal Data'], ['資通安全', 'Cybersecurity'], ['數位治理', 'Digital Governance'], ['開放資料', 'Open Data'],
  ['智慧財產', 'Intellectual Property'], ['金融科技', 'Fintech'], ['電信', 'Telecommunications'], ['創新採購', 'Innovation Procurement'],
  ['雲端運算', 'Cloud Computing'], ['半導體', 'Semiconductors'], ['資料治理', 'Data Governance'], ['演算法', 'Algorithms'],
  ['數位身分', 'Digital Identity'], ['電子簽章', 'Electronic Signatures'], ['網路中立性', 'Net Neutrality'],
  ['跨境資料傳輸', 'Cross-Border Data Transfers'], ['隱私', 'Privacy'], ['著作權', 'Copyright'], ['專利', 'Patents'],
  ['營業秘密', 'Trade Secrets'], ['公平競爭', 'Fair Competition'], ['消費者保護', 'Consumer Protection'], ['自動駕駛', 'Autonomous Vehicles'],
  ['無人機', 'Drones'], ['區塊鏈', 'Blockchain'], ['虛擬資產', 'Virtual Assets'], ['數位貨幣', 'Digital Currency'],
  ['電子支付', 'Electronic Payments'], ['關鍵基礎設施', 'Critical Infrastructure'], ['供應鏈', 'Supply Chain'], ['量子科技', 'Quantum Technology'],
  ['衛星通訊', 'Satellite Communications'], ['頻譜', 'Spectrum'], ['寬頻', 'Broadband'], ['物聯網', 'Internet of Things'],
  ['智慧城市', 'Smart Cities'], ['數位包容', 'Digital Inclusion'], ['兒童線上安全', 'Child Online Safety'], ['假訊息', 'Disinformation'],
  ['內容審查', 'Content Moderation'], ['線上平台', 'Online Platforms'], ['電子商務', 'Electronic Commerce'], ['數位服務', 'Digital Services'],
  ['數位市場', 'Digital Markets'], ['資料經濟', 'Data Economy'], ['醫療資料', 'Health Data'], ['生物辨識', 'Biometrics'],
  ['臉部辨識', 'Facial Recognition'], ['監理沙盒', 'Regulatory Sandboxes'], ['風險管理', 'Risk Management'], ['模型評估', 'Model Evaluation'],
  ['算力', 'Computing Power'], ['資料中心', 'Data Centres'], ['淨零排放', 'Net Zero'], ['出口管制', 'Export Controls'],
  ['投資審查', 'Investment Screening'], ['數位貿易', 'Digital Trade'], ['電子化政府', 'Electronic Government'], ['公共服務', 'Public Services'],
  ['數位人才', 'Digital Talent'], ['研究發展', 'Research and Development'], ['開放原始碼', 'Open Source'], ['深度偽造', 'Deepfakes'],
  ['網路犯罪', 'Cybercrime'], ['資料可攜', 'Data Portability'], ['數位主權', 'Digital Sovereignty'], ['行動通訊', 'Mobile Communications'],
  ['海底電纜', 'Submarine Cables'], ['太空', 'Space'], ['電動車', 'Electric Vehicles'], ['智慧電網', 'Smart Grids'],
  ['健康科技', 'Health Technology'], ['教育科技', 'Education Technology'], ['農業科技', 'Agricultural Technology'], ['勞動權益', 'Labour Rights'],
  ['平台工作', 'Platform Work'], ['數位稅', 'Digital Tax'],
];

const MODIFIERS: readonly Pair[] = [
  ['國家', 'National'], ['基本', 'Basic'], ['安全', 'Safety'], ['負責任', 'Responsible'], ['可信任', 'Trustworthy'],
  ['國際', 'International'], ['區域', 'Regional'], ['公共', 'Public'], ['產業', 'Industrial'], ['中小企業', 'Small Business'],
  ['綜合', 'Comprehensive'], ['強化', 'Enhanced'], ['促進', 'Promotion'], ['管理', 'Management'], ['保護', 'Protection'],
  ['發展', 'Development'], ['治理', 'Governance'], ['創新', 'Innovation'], ['韌性', 'Resilience'], ['合規', 'Compliance'],
  ['倫理', 'Ethics'], ['評估', 'Assessment'], ['實施', 'Implementation'], ['行動', 'Action'], ['策略', 'Strategic'],
  ['透明', 'Transparency'], ['問責', 'Accountability'], ['永續', 'Sustainable'], ['開放', 'Open'], ['數位轉型', 'Digital Transformation'],
  ['監管', 'Regulatory'], ['跨部會', 'Interagency'], ['聯合', 'Joint'],
];

/** Document-kind words, by record type (persons and places are built differently). */
const SUFFIXES: Readonly<Record<Exclude<RecordType, 'person' | 'place'>, readonly Pair[]>> = {
  agreement: [
    ['合作備忘錄', 'Memorandum of Understanding'], ['協定', 'Agreement'], ['合作協議', 'Cooperation Arrangement'], ['夥伴關係', 'Partnership'],
    ['框架協定', 'Framework Agreement'], ['互認協議', 'Mutual Recognition Arrangement'],
  ],
  declaration: [['宣言', 'Declaration'], ['聯合宣言', 'Joint Declaration'], ['原則宣言', 'Declaration of Principles'], ['承諾', 'Commitments'], ['憲章', 'Charter']],
  'press-release': [['新聞稿', 'Press Release'], ['公告', 'Announcement'], ['說明', 'Briefing'], ['新聞資料', 'Media Note']],
  statement: [['聲明', 'Statement'], ['部長聲明', 'Ministerial Statement'], ['聯合聲明', 'Joint Statement'], ['書面聲明', 'Written Statement'], ['立場文件', 'Position Paper']],
  article: [
    ['白皮書', 'White Paper'], ['指引', 'Guidelines'], ['框架', 'Framework'], ['報告', 'Report'], ['評論', 'Commentary'], ['分析', 'Analysis'],
    ['路徑圖', 'Roadmap'], ['研究報告', 'Research Report'], ['政策綱領', 'Policy Agenda'], ['行動計畫', 'Action Plan'],
  ],
  event: [['峰會', 'Summit'], ['論壇', 'Forum'], ['研討會', 'Conference'], ['工作坊', 'Workshop'], ['部長會議', 'Ministerial Meeting'], ['圓桌會議', 'Roundtable'], ['聽證會', 'Hearing']],
  organization: [
    ['研究所', 'Institute'], ['委員會', 'Commission'], ['部', 'Ministry'], ['署', 'Agency'], ['辦公室', 'Office'], ['中心', 'Centre'], ['局', 'Bureau'],
    ['理事會', 'Council'], ['協會', 'Association'], ['基金會', 'Foundation'], ['實驗室', 'Laboratory'],
  ],
  law: [
    ['法', 'Act'], ['法案', 'Bill'], ['條例', 'Ordinance'], ['草案', 'Draft Bill'], ['修正草案', 'Amendment Bill'], ['施行細則', 'Enforcement Rules'],
    ['管理辦法', 'Regulations'], ['指令', 'Directive'], ['規則', 'Rules'],
  ],
  concept: [
    ['原則', 'Principle'], ['權', 'Right'], ['模式', 'Model'], ['機制', 'Mechanism'], ['義務', 'Obligation'], ['風險', 'Risk'], ['標準', 'Standard'],
    ['認證', 'Certification'], ['稽核', 'Audit'], ['影響評估', 'Impact Assessment'],
  ],
};

/** Syllables for transliterated names (places, foreign family names). */
const SYLLABLES: readonly Pair[] = [
  ['阿', 'a'], ['巴', 'ba'], ['貝', 'be'], ['布', 'bu'], ['卡', 'ca'], ['德', 'de'], ['多', 'do'], ['費', 'fe'], ['格', 'ga'], ['哈', 'ha'],
  ['基', 'ki'], ['拉', 'la'], ['倫', 'len'], ['馬', 'ma'], ['米', 'mi'], ['納', 'na'], ['尼', 'ni'], ['諾', 'no'], ['帕', 'pa'], ['羅', 'ro'],
  ['薩', 'sa'], ['塔', 'ta'], ['特', 'te'], ['維', 'vi'], ['溫', 'win'], ['克', 'ke'], ['里', 'ri'], ['蒙', 'mon'], ['萊', 'ley'], ['切', 'che'],
];

const PLACE_KINDS: readonly Pair[] = [
  ['園', 'Park'], ['港', 'Harbour'], ['市', 'City'], ['灣', 'Bay'], ['科學園區', 'Science Park'], ['大樓', 'House'], ['宮', 'Palace'],
  ['廣場', 'Square'], ['島', 'Island'], ['會議中心', 'Convention Centre'],
];

const CHINESE_SURNAMES: readonly Pair[] = [
  ['陳', 'Chen'], ['林', 'Lin'], ['黃', 'Huang'], ['張', 'Chang'], ['李', 'Li'], ['王', 'Wang'], ['吳', 'Wu'], ['劉', 'Liu'], ['蔡', 'Tsai'], ['楊', 'Yang'],
  ['許', 'Hsu'], ['鄭', 'Cheng'], ['謝', 'Hsieh'], ['洪', 'Hung'], ['郭', 'Kuo'], ['邱', 'Chiu'], ['曾', 'Tseng'], ['廖', 'Liao'], ['賴', 'Lai'], ['徐', 'Hsu'],
  ['周', 'Chou'], ['葉', 'Yeh'], ['蘇', 'Su'], ['莊', 'Chuang'], ['呂', 'Lu'], ['江', 'Chiang'], ['何', 'Ho'], ['蕭', 'Hsiao'], ['羅', 'Lo'], ['高', 'Kao'],
];

const GIVEN_CHARS: readonly Pair[] = [
  ['志', 'chih'], ['明', 'ming'], ['文', 'wen'], ['華', 'hua'], ['俊', 'chun'], ['宏', 'hung'], ['家', 'chia'], ['豪', 'hao'], ['建', 'chien'], ['國', 'kuo'],
  ['怡', 'yi'], ['君', 'chun'], ['美', 'mei'], ['玲', 'ling'], ['雅', 'ya'], ['婷', 'ting'], ['淑', 'shu'], ['惠', 'hui'], ['佩', 'pei'], ['欣', 'hsin'],
  ['宗', 'tsung'], ['翰', 'han'], ['信', 'hsin'], ['德', 'te'], ['仁', 'jen'], ['安', 'an'], ['平', 'ping'], ['成', 'cheng'], ['立', 'li'], ['偉', 'wei'],
  ['正', 'cheng'], ['世', 'shih'], ['光', 'kuang'], ['永', 'yung'], ['嘉', 'chia'], ['慧', 'hui'], ['靜', 'ching'], ['秀', 'hsiu'], ['麗', 'li'], ['芳', 'fang'],
  ['育', 'yu'], ['誠', 'cheng'], ['哲', 'che'], ['瑋', 'wei'], ['柏', 'po'], ['彥', 'yen'], ['庭', 'ting'], ['睿', 'jui'], ['凱', 'kai'], ['詠', 'yung'],
];

const FOREIGN_GIVEN: readonly Pair[] = [
  ['吉娜', 'Gina'], ['蜜雪兒', 'Michelle'], ['約翰', 'John'], ['瑪麗', 'Mary'], ['大衛', 'David'], ['莎拉', 'Sarah'], ['詹姆斯', 'James'],
  ['艾蜜莉', 'Emily'], ['湯瑪斯', 'Thomas'], ['安娜', 'Anna'], ['彼得', 'Peter'], ['露西', 'Lucy'], ['麥可', 'Michael'], ['凱特', 'Kate'],
  ['理查', 'Richard'], ['艾倫', 'Alan'], ['蘇菲', 'Sophie'], ['喬治', 'George'], ['海倫', 'Helen'], ['馬克', 'Mark'], ['克萊兒', 'Claire'],
  ['保羅', 'Paul'], ['琳達', 'Linda'], ['亞當', 'Adam'], ['娜塔莉', 'Natalie'], ['羅伯特', 'Robert'], ['伊莉莎白', 'Elizabeth'], ['丹尼爾', 'Daniel'],
  ['瑞秋', 'Rachel'], ['安德魯', 'Andrew'],
];

const ROLES: readonly Pair[] = [
  ['部長', 'Secretary'], ['大臣', 'Minister'], ['執委', 'Commissioner'], ['署長', 'Director'], ['參議員', 'Senator'], ['教授', 'Professor'], ['大使', 'Ambassador'],
  ['主委', 'Chair'], ['執行長', 'Chief Executive'],
];

const PUBLISHERS: readonly Pair[] = [
  ['數位發展部', 'Ministry of Digital Affairs'], ['國家科學及技術委員會', 'National Science and Technology Council'], ['行政院', 'Executive Yuan'],
  ['金融監督管理委員會', 'Financial Supervisory Commission'], ['國家通訊傳播委員會', 'National Communications Commission'],
  ['經濟部智慧財產局', 'Intellectual Property Office'], ['個人資料保護委員會', 'Personal Data Protection Commission'], ['資通安全署', 'Administration for Cyber Security'],
  ['英國政府', 'GOV.UK'], ['歐洲執委會', 'European Commission'], ['美國國家標準暨技術研究院', 'NIST'], ['美國商務部', 'Department of Commerce'],
  ['經濟合作暨發展組織', 'OECD'], ['新加坡資訊通信媒體發展局', 'Infocomm Media Development Authority'], ['日本經濟產業省', 'Ministry of Economy, Trade and Industry'],
  ['英國通訊管理局', 'Ofcom'], ['英國資訊專員辦公室', 'Information Commissioner’s Office'], ['法國國家資訊自由委員會', 'CNIL'], ['美國聯邦貿易委員會', 'Federal Trade Commission'],
];

const DOMAINS = ['moda.gov.tw', 'nstc.gov.tw', 'ey.gov.tw', 'fsc.gov.tw', 'ncc.gov.tw', 'gov.uk', 'commerce.gov', 'nist.gov', 'ec.europa.eu', 'oecd.org', 'imda.gov.sg', 'meti.go.jp', 'ofcom.org.uk', 'ftc.gov', 'example-policy.org'];

const CONNECTIVES = ['此外', '然而', '因此', '同時', '另一方面', '值得注意的是', '專家指出', '根據官方說明', '換言之', '相較之下', '整體而言', '實務上'];
const VERBS = ['發布', '公布', '通過', '簽署', '提出', '修訂', '研議', '啟動'];
const ACTORS = ['政府', '主管機關', '立法機關', '產業界', '公民團體', '學界', '監理機關', '國際組織'];
const CONCERNS = ['權利保障', '創新發展', '風險控管', '跨境合作', '資料保護', '公共利益', '市場競爭', '國家安全', '社會信任', '資訊揭露'];
const ENGLISH_SENTENCES = [
  'The {topic} {suffix} was cited as a model for {topic2}.',
  'Officials said the {mod} approach to {topic} would be reviewed next year.',
  'Critics argue that {topic} rules lag behind the technology.',
  'The consultation on {topic} closed with more than a thousand responses.',
  'Observers expect further guidance on {topic2} and {topic}.',
];

const TYPE_ZH: Readonly<Record<RecordType, string>> = {
  agreement: '協定', declaration: '宣言', 'press-release': '新聞稿', statement: '聲明', article: '文件', event: '活動', organization: '機構',
  person: '人物', place: '地點', concept: '概念', law: '法規',
};

/** Word counts of the vocabulary, to check it is big enough (≥ 150 words in each language). */
export function vocabularySize(): { zh: number; en: number } {
  const lists: readonly (readonly Pair[])[] = [
    PLACES, TOPICS, MODIFIERS, ...Object.values(SUFFIXES), SYLLABLES, PLACE_KINDS, CHINESE_SURNAMES, GIVEN_CHARS, FOREIGN_GIVEN, ROLES, PUBLISHERS,
  ];
  const zh = new Set<string>();
  const en = new Set<string>();
  for (const list of lists) {
    for (const [zhWord, enWord] of list) {
      zh.add(zhWord);
      en.add(enWord);
    }
  }
  for (const word of [...CONNECTIVES, ...VERBS, ...ACTORS, ...CONCERNS]) zh.add(word);
  return { zh: zh.size, en: en.size };
}

/** Every CJK character of the vocabulary: the pool typos are drawn from, so a typo is a plausible character. */
export const CJK_POOL: readonly string[] = (() => {
  const chars = new Set<string>();
  for (const list of [PLACES, TOPICS, MODIFIERS, ...Object.values(SUFFIXES), GIVEN_CHARS, PLACE_KINDS]) {
    for (const [zh] of list) for (const char of zh) if (isCjk(char.charCodeAt(0))) chars.add(char);
  }
  return [...chars].sort();
})();

export function isCjk(unit: number): boolean {
  return unit >= 0x4e00 && unit <= 0x9fff;
}

interface Name {
  readonly zh: string;
  readonly en: string;
  /** Shorter forms, used for aliases. */
  readonly zhShort: string;
  readonly enShort: string;
  /** A same-language variant of each form (with or without the year, "The …"). */
  readonly zhVariant: string;
  readonly enVariant: string;
  /** Whether an acronym makes sense (documents, organisations, concepts; not persons or places). */
  readonly acronym: boolean;
  readonly year: number;
  readonly topics: readonly Pair[];
}

const STOPWORDS = new Set(['of', 'on', 'for', 'the', 'and', 'in', 'to', 'a', 'an', 'no.']);

/** 3–6 capital letters: the initials of the English name, trimmed or padded. */
export function acronymOf(english: string): string {
  const words = english.split(/[\s\-–]+/).filter((word) => /^[A-Za-z]/.test(word) && !STOPWORDS.has(word.toLowerCase()));
  let letters = words.map((word) => word[0]!.toUpperCase()).join('');
  if (letters.length > 6) letters = letters.slice(0, 5) + letters.slice(-1);
  const longest = [...words].sort((a, b) => b.length - a.length)[0] ?? 'POLICY';
  for (let index = 1; letters.length < 3; index++) {
    const char = longest[index % longest.length]!.toUpperCase();
    letters += /[A-Z]/.test(char) ? char : 'X';
  }
  return letters;
}

function documentName(rng: Rng, type: Exclude<RecordType, 'person' | 'place'>): Name {
  const year = rng.range(2015, 2025);
  const suffix = rng.pick(SUFFIXES[type]);
  const topic = rng.pick(TOPICS);
  const topic2 = rng.chance(0.2) ? rng.pick(TOPICS.filter((candidate) => candidate !== topic)) : undefined;
  // No modifier that repeats the topic (數位治理治理).
  const modifier = rng.chance(type === 'concept' ? 0.9 : 0.6) ? rng.pick(MODIFIERS.filter(([zh]) => !topic[0].includes(zh) && !topic2?.[0].includes(zh))) : undefined;
  const first: Pair | undefined = rng.chance(type === 'concept' ? 0.3 : 0.85) ? rng.pick(PLACES) : undefined;
  let place = first;
  if (first && (type === 'agreement' || type === 'declaration' || type === 'statement') && rng.chance(0.4)) {
    const other = rng.pick(PLACES.filter((candidate) => candidate !== first));
    place = [`${first[0]}與${other[0]}`, `${first[1]}–${other[1]}`];
  }
  const topicZh = topic2 ? `${topic[0]}與${topic2[0]}` : topic[0];
  const topicEn = topic2 ? `${topic[1]} and ${topic2[1]}` : topic[1];
  // Two word orders: 國家人工智慧策略 / 人工智慧基本法 (National AI Strategy / AI Basic Act).
  const modifierFirst = rng.chance(0.5);
  const coreZh = modifier ? (modifierFirst ? modifier[0] + topicZh : topicZh + modifier[0]) : topicZh;
  const coreEn = modifier ? (modifierFirst ? `${modifier[1]} ${topicEn}` : `${topicEn} ${modifier[1]}`) : topicEn;
  let zh = `${place ? place[0] : ''}${coreZh}${suffix[0]}`;
  // "Memorandum of Understanding on …" reads better with the kind first.
  const kindFirst = (type === 'agreement' || type === 'declaration' || type === 'article') && rng.chance(0.4);
  let en = kindFirst ? `${place ? `${place[1]} ` : ''}${suffix[1]} on ${coreEn}` : `${place ? `${place[1]} ` : ''}${coreEn} ${suffix[1]}`;
  const zhShort = `${coreZh}${suffix[0]}`;
  const enShort = `${coreEn} ${suffix[1]}`;
  const dated = rng.chance(type === 'event' ? 0.7 : 0.25);
  const numbered = !dated && (type === 'law' || type === 'press-release' || type === 'statement' || type === 'event') && rng.chance(0.2);
  if (dated) {
    zh = `${year}年${zh}`;
    en = `${en} ${year}`;
  } else if (numbered) {
    const number = rng.range(1, 40);
    if (type === 'event') {
      zh = `第${number}屆${zh}`;
      en = `${ordinal(number)} ${en}`;
    } else {
      zh = `${zh}第${number}號`;
      en = `${en} No. ${number}`;
    }
  }
  return {
    zh,
    en,
    zhShort,
    enShort,
    zhVariant: dated ? zh.slice(5) : `${year}年${zh}`,
    enVariant: dated ? en.slice(0, -5) : `The ${en}`,
    acronym: true,
    year,
    topics: topic2 ? [topic, topic2] : [topic],
  };
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

function transliterated(rng: Rng, syllables: number): Pair {
  let zh = '';
  let en = '';
  for (let index = 0; index < syllables; index++) {
    const [zhSyllable, enSyllable] = rng.pick(SYLLABLES);
    zh += zhSyllable;
    en += enSyllable;
  }
  return [zh, en[0]!.toUpperCase() + en.slice(1)];
}

function personName(rng: Rng): Name {
  const year = rng.range(2015, 2025);
  const topics = [rng.pick(TOPICS)];
  const role = rng.pick(ROLES);
  if (rng.chance(0.5)) {
    const [surnameZh, surnameEn] = rng.pick(CHINESE_SURNAMES);
    const first = rng.pick(GIVEN_CHARS);
    const second = rng.pick(GIVEN_CHARS);
    const zh = surnameZh + first[0] + second[0];
    const given = `${first[1][0]!.toUpperCase()}${first[1].slice(1)}-${second[1]}`;
    const en = `${surnameEn} ${given}`;
    return { zh, en, zhShort: `${zh}${role[0]}`, enShort: `${given} ${surnameEn}`, zhVariant: `${surnameZh}${role[0]}${first[0]}${second[0]}`, enVariant: `${role[1]} ${surnameEn} ${given}`, acronym: false, year, topics };
  }
  const [givenZh, givenEn] = rng.pick(FOREIGN_GIVEN);
  const [familyZh, familyEn] = transliterated(rng, rng.range(2, 3));
  const zh = `${givenZh}·${familyZh}`;
  const en = `${givenEn} ${familyEn}`;
  return { zh, en, zhShort: `${familyZh}${role[0]}`, enShort: `${role[1]} ${familyEn}`, zhVariant: `${givenZh}・${familyZh}`, enVariant: `${givenEn[0]}. ${familyEn}`, acronym: false, year, topics };
}

function placeName(rng: Rng): Name {
  const year = rng.range(2015, 2025);
  const [rootZh, rootEn] = transliterated(rng, rng.range(2, 3));
  const [kindZh, kindEn] = rng.pick(PLACE_KINDS);
  const [countryZh, countryEn] = rng.pick(PLACES);
  return {
    zh: rootZh + kindZh,
    en: `${rootEn} ${kindEn}`,
    zhShort: rootZh,
    enShort: rootEn,
    zhVariant: `${countryZh}${rootZh}${kindZh}`,
    enVariant: `${rootEn} ${kindEn}, ${countryEn}`,
    acronym: false,
    year,
    topics: [rng.pick(TOPICS)],
  };
}

function nameFor(rng: Rng, type: RecordType): Name {
  if (type === 'person') return personName(rng);
  if (type === 'place') return placeName(rng);
  return documentName(rng, type);
}

/** Type mix: documents dominate a policy corpus; persons, places and concepts are fewer. */
const TYPE_WEIGHTS: Readonly<Record<RecordType, number>> = {
  agreement: 8, declaration: 6, 'press-release': 12, statement: 10, article: 16, event: 7, organization: 10, person: 9, place: 5, concept: 7, law: 10,
};
const TYPE_TABLE: readonly RecordType[] = RECORD_TYPES.flatMap((type) => Array<RecordType>(TYPE_WEIGHTS[type]).fill(type));

function isoDate(rng: Rng, year: number): string {
  const month = String(rng.range(1, 12)).padStart(2, '0');
  const day = String(rng.range(1, 28)).padStart(2, '0');
  const shape = rng.float();
  return shape < 0.75 ? `${year}-${month}-${day}` : shape < 0.9 ? `${year}-${month}` : String(year);
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function proseSentence(rng: Rng): string {
  const place = rng.pick(PLACES)[0];
  const topic = rng.pick(TOPICS)[0];
  const topic2 = rng.pick(TOPICS)[0];
  const modifier = rng.pick(MODIFIERS)[0];
  const year = rng.range(2015, 2025);
  switch (rng.int(6)) {
    case 0:
      return `${place}於${year}年${rng.pick(VERBS)}${topic}相關規範，強調${topic}與${topic2}之間的${rng.pick(CONCERNS)}。`;
    case 1:
      return `${rng.pick(CONNECTIVES)}，${place}${rng.pick(ACTORS)}正研議${modifier}${topic}的配套措施，並邀集${rng.pick(ACTORS)}參與討論。`;
    case 2:
      return `${rng.pick(CONNECTIVES)}，${topic}的${modifier}需要兼顧${rng.pick(CONCERNS)}與${rng.pick(CONCERNS)}。`;
    case 3:
      return `${rng.pick(ACTORS)}認為，${topic2}領域的${rng.pick(SUFFIXES.article)[0]}仍有不足，尤其在${topic}方面。`;
    case 4:
      return `${year}年以來，${place}在${topic}與${topic2}上的投入持續增加，${rng.pick(ACTORS)}也開始關注${rng.pick(CONCERNS)}。`;
    default:
      return `${rng.pick(CONNECTIVES)}，${rng.pick(ACTORS)}呼籲以${modifier}原則處理${topic}帶來的${rng.pick(CONCERNS)}問題。`;
  }
}

function englishSentence(rng: Rng): string {
  return rng
    .pick(ENGLISH_SENTENCES)
    .replace('{topic}', rng.pick(TOPICS)[1])
    .replace('{topic2}', rng.pick(TOPICS)[1])
    .replace('{mod}', rng.pick(MODIFIERS)[1].toLowerCase())
    .replace('{suffix}', rng.pick(SUFFIXES.article)[1]);
}

export interface GenerateOptions {
  readonly seed?: number;
  /** Fraction of records with a body (the rest have only a summary). */
  readonly bodyFraction?: number;
}

/**
 * `count` records, ids rec-000001…, about half with a Chinese title and half with an English one; each with
 * 2–4 aliases drawn from: the title in the other language, an acronym, a short form, a same-language variant.
 */
export function generateCorpus(count: number, options: GenerateOptions = {}): CorpusRecord[] {
  const rng = new Rng(options.seed ?? 20240401);
  const bodyFraction = options.bodyFraction ?? 0.3;
  const titles = new Set<string>();
  const records: CorpusRecord[] = [];
  const width = Math.max(6, String(count).length);
  for (let index = 1; index <= count; index++) {
    const id = `rec-${String(index).padStart(width, '0')}`;
    const type = rng.pick(TYPE_TABLE);
    const chinese = rng.chance(0.5);
    let name = nameFor(rng, type);
    let title = chinese ? name.zh : name.en;
    for (let attempt = 0; titles.has(title) && attempt < 8; attempt++) {
      name = nameFor(rng, type);
      title = chinese ? name.zh : name.en;
    }
    if (titles.has(title)) {
      // Still taken: disambiguate like a real corpus would (a second edition, a numbered part).
      const n = rng.range(2, 99);
      name = { ...name, zh: `${name.zh}（第${n}版）`, en: `${name.en} (Edition ${n})` };
      title = chinese ? name.zh : name.en;
    }
    titles.add(title);

    const aliases: string[] = [chinese ? name.en : name.zh];
    const optional = [chinese ? name.zhShort : name.enShort, chinese ? name.zhVariant : name.enVariant];
    if (name.acronym) optional.push(acronymOf(name.en));
    for (const alias of rng.sample(optional, rng.range(1, optional.length))) aliases.push(alias);
    const seen = new Set([title.toLowerCase()]);
    const uniqueAliases = aliases.filter((alias) => {
      const key = alias.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });

    const publisher = rng.pick(PUBLISHERS);
    const tags = [...new Set([...name.topics.map((topic) => topic[0]), ...(rng.chance(0.5) ? [rng.pick(TOPICS)[0]] : [])])];
    const related = index > 1 ? Array.from({ length: rng.int(4) }, () => `rec-${String(rng.range(1, index - 1)).padStart(width, '0')}`) : [];
    const hasUrl = type !== 'person' && type !== 'concept' ? rng.chance(0.9) : rng.chance(0.3);
    const url = hasUrl ? `${rng.chance(0.2) ? 'http' : 'https'}://www.${rng.pick(DOMAINS)}/${rng.pick(['news', 'policy', 'docs', 'publications', 'press'])}/${slug(name.en)}-${index}` : undefined;
    const date = type === 'person' || type === 'place' || type === 'concept' ? undefined : isoDate(rng, name.year);
    const topicZh = name.topics.map((topic) => topic[0]).join('、');
    const topicEn = name.topics.map((topic) => topic[1]).join(' and ');
    const summary = {
      zh: `${name.zh}是${publisher[0]}${date ? `於${name.year}年發布` : '相關'}的${TYPE_ZH[type]}，涉及${topicZh}等議題。${proseSentence(rng)}`,
      en: `${name.en} is a ${type.replace('-', ' ')} ${date ? `published by ${publisher[1]} in ${name.year}` : `related to ${publisher[1]}`}, on ${topicEn}. ${englishSentence(rng)}`,
    };
    const body = rng.chance(bodyFraction) ? Array.from({ length: rng.range(3, 8) }, () => proseSentence(rng)).join('') : undefined;
    records.push({
      id,
      type,
      title,
      aliases: uniqueAliases,
      lang: chinese ? 'zh' : 'en',
      ...(date ? { date } : {}),
      publisher: chinese ? publisher[0] : publisher[1],
      ...(url ? { url, accessed: isoDate(rng, 2025) } : {}),
      summary,
      tags,
      related,
      ...(body ? { body } : {}),
      origin: { uri: `file:///bench/corpus/part-${Math.ceil(index / 1000)}.md`, line: ((index - 1) % 1000) * 20, fieldLines: {}, embedded: false },
    });
  }
  return records;
}

export interface Article {
  readonly text: string;
  /** The aliases written into the article, with the record each was taken from. */
  readonly inserted: readonly { readonly alias: string; readonly id: string }[];
}

/**
 * A Markdown article of about `targetBytes` UTF-8 bytes: Traditional Chinese prose from the vocabulary, a few
 * English sentences, and `aliasCount` exact aliases (or titles) of random records spread through it.
 */
export function generateArticle(records: readonly CorpusRecord[], seed: number, targetBytes = 5 * 1024, aliasCount = 30): Article {
  const rng = new Rng(seed);
  const encoder = new TextEncoder();
  const inserted = Array.from({ length: aliasCount }, () => {
    const record = rng.pick(records);
    const alias = rng.chance(0.8) && record.aliases.length > 0 ? rng.pick(record.aliases) : record.title;
    return { alias, id: record.id };
  });
  // Each alias comes with a few words around it (根據…，/ （參見 …）/ …，可參考…).
  const aliasBytes = inserted.reduce((sum, { alias }) => sum + encoder.encode(alias).length + 10, 0);
  // Lay out sentences first, then decide which carry an alias, so the aliases spread over the whole text.
  const sentences: string[] = [];
  let bytes = 0;
  while (bytes + aliasBytes < targetBytes - 150) {
    const sentence = rng.chance(0.12) ? `${englishSentence(rng)} ` : proseSentence(rng);
    sentences.push(sentence);
    bytes += encoder.encode(sentence).length;
  }
  const carriers = new Set(rng.sample(sentences.map((_, position) => position), aliasCount));
  const paragraphs: string[] = [`# ${rng.pick(TOPICS)[0]}政策觀察`];
  let paragraph = '';
  let next = 0;
  sentences.forEach((sentence, position) => {
    let text = sentence;
    if (carriers.has(position)) {
      const { alias } = inserted[next++]!;
      text = rng.pick([
        `根據${alias}，${sentence}`,
        `${sentence.slice(0, -1)}，可參考${alias}。`,
        `（參見 ${alias}）${sentence}`,
        `${alias} 指出：${sentence}`,
      ]);
    }
    paragraph += text;
    if (rng.chance(0.15)) {
      paragraphs.push(paragraph);
      paragraph = '';
      if (rng.chance(0.3)) paragraphs.push(`## ${rng.pick(TOPICS)[0]}與${rng.pick(CONCERNS)}`);
    }
  });
  if (paragraph) paragraphs.push(paragraph);
  return { text: `${paragraphs.join('\n\n')}\n`, inserted: inserted.slice(0, next) };
}

export type TypoKind = 'substitute' | 'delete' | 'insert';

/**
 * The title with one typo: a CJK character (Chinese titles) or a Latin letter (English titles) substituted,
 * deleted or inserted. Substituted and inserted characters come from the vocabulary's characters / a–z.
 */
export function typoOf(title: string, rng: Rng): { query: string; kind: TypoKind } {
  const chinese = [...title].some((char) => isCjk(char.charCodeAt(0)));
  const editable: number[] = [];
  for (let index = 0; index < title.length; index++) {
    const unit = title.charCodeAt(index);
    if (chinese ? isCjk(unit) : (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a)) editable.push(index);
  }
  if (editable.length === 0) return { query: `${title}x`, kind: 'insert' };
  const position = rng.pick(editable);
  const original = title[position]!;
  const randomChar = (): string => {
    for (;;) {
      const char = chinese ? rng.pick(CJK_POOL) : String.fromCharCode(0x61 + rng.int(26));
      if (char.toLowerCase() !== original.toLowerCase()) return original === original.toUpperCase() && !chinese ? char.toUpperCase() : char;
    }
  };
  const kinds: TypoKind[] = editable.length >= 3 ? ['substitute', 'delete', 'insert'] : ['substitute', 'insert'];
  const kind = rng.pick(kinds);
  if (kind === 'substitute') return { query: title.slice(0, position) + randomChar() + title.slice(position + 1), kind };
  if (kind === 'delete') return { query: title.slice(0, position) + title.slice(position + 1), kind };
  return { query: title.slice(0, position) + randomChar() + title.slice(position), kind };
}
