/**
 * What each column of a table means: the known layouts (Google Contacts old and current, Outlook,
 * our own export) by their exact headers, anything else (WPS/Excel sheets with Chinese or English
 * headers) by the words in its header. The guess says whether it is sure; when it is not, the import
 * dialog asks the dispatcher (column-mapping step).
 */
import type { ColumnMapping, ColumnRole } from '../../../shared/import-mapping';
import { LANGUAGES, translate, type Language, type PlainKey } from '../../../shared/i18n';
import { normalizePhone } from '../../../shared/phone';
import { numberLabel } from './labels';

export type Layout = 'google' | 'outlook' | 'generic' | 'none';

export interface ColumnGuess {
  layout: Layout;
  /** Index of the header row in the table; -1 when the file has none (columns then by position). */
  headerRow: number;
  mapping: ColumnMapping[];
  /** False when the dispatcher should check the mapping before importing. */
  certain: boolean;
}

const col = (role: ColumnRole, label = ''): ColumnMapping => ({ role, label });
const IGNORE = col('ignore');

/** Tidied header: case, width, spaces and punctuation do not matter. */
export const headerKey = (h: string) =>
  h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.:：()（）#'"’]/g, '');

/** Excel opens digit strings as numbers; these undo the two ways exports protect them. */
export function unwrapCell(raw: string): string {
  const formula = /^="(.*)"$/s.exec(raw.trim());
  const v = formula ? formula[1].replace(/""/g, '"') : raw;
  // Our own formula-injection guard (csv.ts guard()): one apostrophe we added before = + - @ tab
  // CR, or before an apostrophe the user typed.
  return /^'[=+\-@\t\r']/.test(v) ? v.slice(1) : v;
}

// ---------------------------------------------------------------------------------------------
// Google Contacts

const GOOGLE_MARKS = [/^phone \d+ - (type|label|value)$/i, /^group membership$/i, /^organization \d+ - name$/i, /^organization name$/i];

function googleColumn(header: string): ColumnMapping {
  const h = header.trim().toLowerCase();
  if (/^phone \d+ - (type|label)$/.test(h)) return col('label');
  if (/^phone \d+ - value$/.test(h)) return col('number');
  if (h === 'name') return col('name');
  if (h === 'given name' || h === 'first name') return col('given');
  if (h === 'family name' || h === 'last name') return col('family');
  if (/^organization( \d+ -)? (name|department)$/.test(h)) return col('org');
  if (h === 'notes') return col('notes');
  if (h === 'group membership' || h === 'labels') return col('groups');
  // Phonetic/Yomi names, nicknames, e-mail, addresses, …: never numbers, never the name.
  return IGNORE;
}

// ---------------------------------------------------------------------------------------------
// Outlook (English and Chinese Outlook write their headers in the UI language)

const OUTLOOK_PHONES: Record<string, string> = {
  mobilephone: 'Mobile',
  移动电话: 'Mobile',
  primaryphone: '',
  主要电话: '',
  businessphone: 'Business',
  businessphone2: 'Business',
  商务电话: 'Business',
  商务电话2: 'Business',
  companymainphone: 'Main',
  公司主要电话: 'Main',
  homephone: 'Home',
  homephone2: 'Home',
  住宅电话: 'Home',
  住宅电话2: 'Home',
  carphone: 'Car',
  车载电话: 'Car',
  otherphone: 'Other',
  其他电话: 'Other',
  assistantsphone: 'Assistant',
  助理的电话: 'Assistant',
  radiophone: '',
  无线电话: '',
  callback: '',
  回电话: '',
};
const OUTLOOK_OTHER: Record<string, ColumnRole> = {
  firstname: 'given',
  名: 'given',
  lastname: 'family',
  姓: 'family',
  company: 'org',
  公司: 'org',
  department: 'org',
  部门: 'org',
  notes: 'notes',
  附注: 'notes',
  categories: 'groups',
  类别: 'groups',
};

function isOutlook(keys: readonly string[]): boolean {
  return (keys.includes('firstname') || keys.includes('名')) && keys.some((k) => ['mobilephone', 'businessphone', '移动电话', '商务电话'].includes(k));
}

function outlookColumn(header: string, lang: Language): ColumnMapping {
  const k = headerKey(header);
  const phone = OUTLOOK_PHONES[k];
  if (phone !== undefined) return col('number', phone ? numberLabel([phone], lang) : '');
  return col(OUTLOOK_OTHER[k] ?? 'ignore');
}

// ---------------------------------------------------------------------------------------------
// Any other header: by its words

// Checked in this order, by substring of the tidied header, so 单位电话 is a phone column,
// 单位名称 an org, QQ号码 ignored rather than dialled, Phonetic First Name never a phone.
const IGNORED = [
  '身份证',
  '证件',
  '邮箱',
  '邮编',
  '微信',
  'qq',
  'email',
  'mail',
  'wechat',
  'idcard',
  '传真',
  'fax',
  'phonetic',
  'yomi',
  '拼音',
  'nickname',
  '昵称',
  'prefix',
  'suffix',
  'middle',
  'telex',
  'pager',
  '寻呼',
  '职务',
  '职位',
  'jobtitle',
  'title',
  'manager',
  'assistantsname',
  'idnumber',
  'fileas',
];
const PHONE = ['电话', '手机', '号码', '座机', '固话', '分机', 'phone', 'mobile', 'tel', 'cell', 'number'];
const PHONE_META = ['type', '类型', 'label', '标签'];
const FAVORITE = ['收藏', '星标', 'favorite', 'favourite', 'starred'];
const ORG = ['单位', '部门', '组织', '公司', '机构', '科室', 'org', 'company', 'department', 'dept', 'team', 'employer'];
const GROUPS = ['分组', '群组', '组别', '标签', '类别', '分类', 'group', 'label', 'tag', 'category', 'categories'];
const NOTES = ['备注', '说明', '描述', '附注', 'note', 'remark', 'comment', 'memo', 'description'];
const FAMILY = ['姓', '姓氏', 'lastname', 'familyname', 'surname'];
const GIVEN = ['名', 'firstname', 'givenname'];
const NAME = ['姓名', '名字', '名称', '联系人', '人名', 'name', 'contact'];
/** Phone headers that say nothing beyond "a number": such numbers get no label. */
const GENERIC_PHONE = ['电话', '号码', '电话号码', '联系电话', '联系方式', 'phone', 'phones', 'number', 'numbers', 'phonenumber', 'tel', 'telephone'];

const has = (key: string, words: readonly string[]) => words.some((w) => key.includes(w));

/** Our own export's columns (csv.ts), in every UI language: read back exactly. */
const EXPORTED: readonly { key: PlainKey; role: ColumnRole }[] = [
  { key: 'csv.contacts.name', role: 'name' },
  { key: 'csv.contacts.numbers', role: 'number' },
  { key: 'csv.contacts.org', role: 'org' },
  { key: 'csv.contacts.notes', role: 'notes' },
  { key: 'csv.contacts.groups', role: 'groups' },
  { key: 'csv.contacts.favorite', role: 'favorite' },
];
const EXPORTED_ROLES: ReadonlyMap<string, ColumnRole> = new Map(
  LANGUAGES.flatMap((lang) => EXPORTED.map((c) => [headerKey(translate(lang, c.key)), c.role] as const)),
);

/** The role a header's words give; null when they say nothing we know. */
function wordsColumn(header: string, lang: Language): ColumnMapping | null {
  const exported = EXPORTED_ROLES.get(headerKey(header));
  if (exported) return col(exported);
  const key = headerKey(header).replace(/\d+$/, '');
  if (key === '') return null;
  if (has(key, IGNORED)) return IGNORE;
  if (has(key, PHONE)) {
    if (has(key, PHONE_META)) return col('label');
    return col('number', GENERIC_PHONE.includes(key) ? '' : numberLabel([header.trim()], lang));
  }
  if (has(key, FAVORITE)) return col('favorite');
  if (has(key, ORG)) return col('org');
  if (has(key, GROUPS)) return col('groups');
  if (has(key, NOTES)) return col('notes');
  if (FAMILY.includes(key)) return col('family');
  if (GIVEN.includes(key)) return col('given');
  if (has(key, NAME)) return col('name');
  return null;
}

/** Without a recognisable header row, the common layout is assumed (and the dispatcher asked). */
const POSITIONAL: ColumnRole[] = ['name', 'number', 'org', 'notes', 'groups'];

const isBlank = (r: readonly string[]) => r.every((c) => c.trim() === '');
const isPhone = (cell: string) => normalizePhone(unwrapCell(cell).trim()).ok;

/** How many data rows the guess looks at to see whether a column it does not know holds numbers. */
const SAMPLE_ROWS = 20;

export function guessColumns(table: readonly string[][], lang: Language): ColumnGuess {
  const first = table.findIndex((r) => !isBlank(r));
  if (first < 0) return { layout: 'none', headerRow: -1, mapping: [], certain: false };
  const headers = table[first].map((h) => unwrapCell(h).trim());
  const keys = headers.map(headerKey);
  const width = Math.max(...table.slice(first, first + SAMPLE_ROWS).map((r) => r.length));

  if (headers.some((h) => GOOGLE_MARKS.some((m) => m.test(h)))) {
    return { layout: 'google', headerRow: first, mapping: headers.map(googleColumn), certain: true };
  }
  if (isOutlook(keys)) {
    return { layout: 'outlook', headerRow: first, mapping: headers.map((h) => outlookColumn(h, lang)), certain: true };
  }

  const guessed = headers.map((h) => wordsColumn(h, lang));
  // A data row can contain a header word (an org called 电话组); it cannot contain a valid number.
  const header = guessed.some((g) => g !== null) && !headers.some(isPhone);
  if (!header) {
    const mapping = Array.from({ length: width }, (_, i) => col(POSITIONAL[i] ?? 'ignore'));
    return { layout: 'none', headerRow: -1, mapping, certain: false };
  }
  const mapping = headers.map((_, i) => guessed[i] ?? IGNORE);
  const roles = new Set(mapping.map((m) => m.role));
  const named = roles.has('name') || roles.has('family') || roles.has('given');
  // A column we could not place that holds phone numbers is probably a number column we missed.
  const samples = table.slice(first + 1, first + 1 + SAMPLE_ROWS);
  const missed = guessed.some((g, i) => g === null && samples.some((r) => isPhone(r[i] ?? '')));
  return { layout: 'generic', headerRow: first, mapping, certain: named && roles.has('number') && !missed };
}
