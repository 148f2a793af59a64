/**
 * Deterministic fake contacts for tests and benchmarks: realistic Chinese names (common and
 * compound surnames, polyphonic surnames), some latin names, mobile and landline numbers, orgs.
 * Same seed → same contacts, so benchmark runs are comparable.
 */
import type { Contact } from '../src/shared/domain';

/** mulberry32: tiny, fast, good enough for fake data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Roughly by frequency: the head of the list is drawn more often (see pickSkewed).
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单查解仇朴区',
].concat(['欧阳', '司马', '诸葛', '上官', '尉迟', '长孙']);
const GIVEN = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红玲建国志强文斌海燕晓东丹辉鹏飞俊宇浩然子涵欣怡梓轩雨萱思远嘉怡一鸣天佑佳琪博文梦瑶宏伟春梅婷婷凯旋立新永红建华德胜振华少华乐行重长朝',
];

const ORGS = [
  '市消防救援支队',
  '第一中队',
  '第二中队',
  '特勤大队',
  '市急救中心',
  '人民医院急诊科',
  '市公安局指挥中心',
  '交警支队',
  '应急管理局',
  '供电公司抢修班',
  '自来水公司',
  '燃气集团',
  '城管执法局',
  '街道办事处',
  '社区居委会',
  '物业管理处',
  'NetEase Yunxin',
  'ACME Logistics',
  '',
];
const LATIN_FIRST = ['Tom', 'Anna', 'David', 'Maria', 'John', 'Lucy', 'Peter', 'Emma', 'José', 'Chris'];
const LATIN_LAST = ['Hanks', 'Smith', 'Brown', 'Müller', 'Garcia', 'Wang', 'Lee', "O'Brien"];
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '170',
  '176',
  '177',
  '180',
  '181',
  '182',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
];
/** Numbers are valid for src/shared/phone.ts, so imports and round trips accept them. */
const AREA_CODES = ['010', '021', '020', '0755', '028', '0571', '027', '025'];

export function generateContacts(count: number, seed = 1): Contact[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  // Squaring skews towards the front: a few surnames cover most people, as in real life.
  const pickSkewed = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * rnd() * xs.length)];
  const digits = (n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(rnd() * 10);
    return s;
  };
  const contacts: Contact[] = [];
  for (let i = 0; i < count; i++) {
    const r = rnd();
    const name = r < 0.04 ? `${pick(LATIN_FIRST)} ${pick(LATIN_LAST)}` : pickSkewed(SURNAMES) + pick(GIVEN) + (rnd() < 0.7 ? pick(GIVEN) : '');
    const numbers = [{ label: '手机', number: pick(MOBILE_PREFIXES) + digits(8) }];
    if (rnd() < 0.3) {
      const area = pick(AREA_CODES);
      // These cities all have 8-digit local numbers; 2–6 as the first digit is valid everywhere.
      numbers.push({ label: '办公室', number: area + (2 + Math.floor(rnd() * 5)) + digits(7) });
    }
    if (rnd() < 0.1) numbers.push({ label: '备用', number: pick(MOBILE_PREFIXES) + digits(8) });
    const t = 1_700_000_000_000 + i * 1000;
    contacts.push({
      id: `c${i}`,
      name,
      numbers,
      org: pick(ORGS),
      notes: '',
      favorite: rnd() < 0.02,
      groupIds: [],
      createdAt: t,
      updatedAt: t,
    });
  }
  return contacts;
}
