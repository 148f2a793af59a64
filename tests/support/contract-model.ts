/**
 * An independent model of what each IPC operation accepts, written from the contract
 * (src/shared/contract.ts and the documented limits), not derived from the zod schemas it checks.
 * Derived from it: `conforms` (the oracle: does a payload fit the contract?) and fast-check
 * arbitraries for payloads that fit, payloads that certainly do not (wrong types, extra keys,
 * missing keys, oversize and huge strings, bad patterns), prototype-pollution payloads built with
 * JSON.parse, and arbitrary values.
 */
import fc from 'fast-check';
import type { OperationName } from '../../src/shared/contract';
import {
  BULK_IDS_MAX,
  CONTACT_GROUPS_MAX,
  CONTACT_EXTENSION_MAX,
  CONTACT_LABEL_MAX,
  CONTACT_NAME_MAX,
  CONTACT_NOTES_MAX,
  CONTACT_NUMBERS_MAX,
  CONTACT_ORG_MAX,
  GROUP_NAME_MAX,
  IMPORT_BASE64_MAX_CHARS,
  IMPORT_ROWS_MAX,
  RESTORE_MAX,
  ROSTER_NAME_MAX,
} from '../../src/shared/contact-limits';

export type Shape =
  | { kind: 'string'; max: number; min?: number; pattern?: RegExp; sample?: fc.Arbitrary<string> }
  | { kind: 'int'; min?: number; sample?: fc.Arbitrary<number> }
  | { kind: 'bool' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'array'; of: Shape; max: number }
  /** `sample`: extra realistic values (they must fit), so valid payloads also get past the handlers' own rules. */
  | { kind: 'object'; fields: Record<string, Field>; sample?: fc.Arbitrary<Record<string, unknown>> };

export interface Field {
  shape: Shape;
  optional?: boolean;
}

// ---------------------------------------------------------------------------------------------
// The model

const req = (shape: Shape): Field => ({ shape });
const opt = (shape: Shape): Field => ({ shape, optional: true });
const str = (max: number, more: Omit<Extract<Shape, { kind: 'string' }>, 'kind' | 'max'> = {}): Shape => ({ kind: 'string', max, ...more });
const int = (more: Omit<Extract<Shape, { kind: 'int' }>, 'kind'> = {}): Shape => ({ kind: 'int', ...more });
const bool: Shape = { kind: 'bool' };
const oneOf = (...values: string[]): Shape => ({ kind: 'enum', values });
const arr = (of: Shape, max: number): Shape => ({ kind: 'array', of, max });
const obj = (fields: Record<string, Field>, sample?: fc.Arbitrary<Record<string, unknown>>): Shape => ({ kind: 'object', fields, sample });
const EMPTY = obj({});

/** Numbers as dispatchers type them: valid ones in several spellings, near misses, noise. */
export const phoneLike: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('13800138000', '+86 138 0013 8000', '0086-139-1234-5678', '010 6552 9988', '4008100000', '(0571) 8888 6666'),
  fc.constantFrom('1380013800', '138001380001', '+1 415 555 0100', '12345678901', '138-abc', '１３８００１３８０００'),
  fc.stringMatching(/^[0-9+\- ()]{0,20}$/),
  fc.string({ maxLength: 20 }),
);

const goodNumber = fc.constantFrom('13800138000', '+86 139 1234 5678', '010-6552-9988', '4008100000', '0571 8888 6666', '13712345678');
const goodName = fc.constantFrom('张三', '李四 (夜班)', 'Li Lei', '调度台 1', 'Zoë', '王\u00a0五');
const goodContact = fc.record(
  {
    name: goodName,
    numbers: fc.array(fc.record({ label: fc.constantFrom('手机', 'office', ''), number: goodNumber }), { minLength: 1, maxLength: 3 }),
    org: fc.constantFrom('消防', 'Ops'),
    favorite: fc.boolean(),
  },
  { requiredKeys: ['name', 'numbers'] },
);
const goodRoster = fc.record({
  name: goodName,
  members: fc.uniqueArray(fc.record({ name: goodName, number: goodNumber }), { minLength: 1, maxLength: 8, selector: (m) => m.number }),
});

/** Durations: the usual range, its edges and any 32-bit integer. */
const durations = fc.oneof(fc.integer({ min: 30, max: 3600 }), fc.constantFrom(9, 10, 14_400, 14_401), fc.integer());

const ID = /^[A-Za-z0-9_-]{1,64}$/;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const reportQuery: Record<string, Field> = {
  from: req(str(10, { min: 10, pattern: DAY })),
  to: req(str(10, { min: 10, pattern: DAY })),
  timeZone: req(str(64, { min: 1, pattern: /^[A-Za-z0-9_+\-/]+$/ })),
};
/** Ranges main answers with a report (not only a refusal). */
const reportSample: fc.Arbitrary<Record<string, unknown>> = fc.record({
  from: fc.constantFrom('2026-11-01', '2026-01-31', '2025-12-31'),
  to: fc.constantFrom('2026-11-30', '2026-12-01'),
  timeZone: fc.constantFrom('Asia/Shanghai', 'UTC', 'Europe/Berlin', 'America/New_York'),
});
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const IMPORT_ID = /^[A-Za-z0-9_-]+$/;

const typedNumber = str(64, { sample: phoneLike });
const id = str(64, { min: 1, pattern: ID });
const contactNumber = obj({ label: req(str(CONTACT_LABEL_MAX)), number: req(typedNumber), extension: opt(str(CONTACT_EXTENSION_MAX)) });
const numbers = arr(contactNumber, CONTACT_NUMBERS_MAX);
const rosterMember = obj({
  contactId: opt(id),
  name: req(str(CONTACT_NAME_MAX)),
  number: req(typedNumber),
  extension: opt(str(CONTACT_EXTENSION_MAX, { pattern: /^\d+$/ })),
});
const groupIds = arr(id, CONTACT_GROUPS_MAX);
const duplicate = oneOf('skip', 'merge', 'replace');
const timestamp = int({ min: 0 });

/** Small CSV files, base64: the import's happy path, not only decoding failures. */
const csvBase64 = fc
  .array(fc.tuple(fc.string({ maxLength: 12 }), phoneLike), { maxLength: 4 })
  .map((rows) =>
    Buffer.from(['姓名,电话', ...rows.map(([n, p]) => `${n.replace(/[",\r\n]/g, ' ')},${p.replace(/[",\r\n]/g, ' ')}`)].join('\r\n'), 'utf8').toString(
      'base64',
    ),
  );

export const MODEL: Record<OperationName, Shape> = {
  startCall: obj({ callee: req(typedNumber), maxDur: opt(int({ sample: durations })), extension: opt(str(CONTACT_EXTENSION_MAX, { pattern: /^\d+$/ })) }),
  startConf: obj({
    callees: req(arr(typedNumber, 32)),
    // By position, digits or '' for none.
    extensions: opt(arr(str(CONTACT_EXTENSION_MAX, { pattern: /^\d*$/ }), 32)),
    maxDur: opt(int({ sample: durations })),
    perPersonSec: opt(int({ sample: durations })),
  }),
  accountStatus: EMPTY,
  accountSave: obj(
    {
      appKey: req(str(128)),
      appSecret: req(str(256)),
      acceptPlaintextRisk: opt(bool),
      baseUrl: opt(str(256, { sample: fc.constantFrom('https://api.netease.im', 'http://127.0.0.1:9', 'ftp://x', 'not a url', '') })),
    },
    fc.record({ appKey: fc.stringMatching(/^[0-9a-f]{32}$/), appSecret: fc.stringMatching(/^[0-9a-f]{12}$/) }),
  ),
  accountClear: EMPTY,
  accountCheck: obj({
    target: opt(oneOf('sandbox', 'saved', 'unsaved')),
    appKey: opt(str(128)),
    appSecret: opt(str(256)),
    // Never the vendor's real address: a typed account would be tested against it.
    baseUrl: opt(str(256, { sample: fc.constantFrom('http://127.0.0.1:9', 'ftp://x', 'not a url', '') })),
    callerAcc: opt(str(64)),
  }),
  settingsGet: EMPTY,
  settingsSet: obj({
    callerAcc: opt(str(64)),
    callerNumber: opt(typedNumber),
    defaultMaxDur: opt(int({ sample: durations })),
    confPerPersonSec: opt(int({ sample: durations })),
    maxDurMin: opt(int({ sample: durations })),
    maxDurMax: opt(int({ sample: durations })),
    mode: opt(oneOf('sandbox', 'production')),
    language: opt(oneOf('zh-CN', 'en')),
    // Never a reachable foreign address: a fuzzed settings core must not go near the network.
    baseUrl: opt(str(256, { sample: fc.constantFrom('https://api.netease.im', 'http://127.0.0.1:9', 'ftp://x', 'not a url', '') })),
  }),
  contactsList: obj({ offset: opt(int({ min: 0 })), limit: opt(int({ min: 1 })) }),
  contactSave: obj({
    contact: req(
      obj(
        {
          id: opt(id),
          name: req(str(CONTACT_NAME_MAX)),
          numbers: req(numbers),
          org: opt(str(CONTACT_ORG_MAX)),
          notes: opt(str(CONTACT_NOTES_MAX)),
          favorite: opt(bool),
          groupIds: opt(groupIds),
          baseRevision: opt(int({ min: 0 })),
        },
        goodContact,
      ),
    ),
  }),
  contactsDelete: obj({ ids: req(arr(id, BULK_IDS_MAX)) }),
  contactsRestore: obj({
    contacts: req(
      arr(
        obj({
          id: req(id),
          name: req(str(CONTACT_NAME_MAX)),
          numbers: req(numbers),
          org: req(str(CONTACT_ORG_MAX)),
          notes: req(str(CONTACT_NOTES_MAX)),
          favorite: req(bool),
          groupIds: req(groupIds),
          createdAt: req(timestamp),
          updatedAt: req(timestamp),
        }),
        RESTORE_MAX,
      ),
    ),
  }),
  groupSave: obj({ group: req(obj({ id: opt(id), name: req(str(GROUP_NAME_MAX)) }, fc.record({ name: goodName }))) }),
  groupDelete: obj({ id: req(id) }),
  rosterSave: obj({
    roster: req(
      obj(
        {
          id: opt(id),
          name: req(str(ROSTER_NAME_MAX)),
          members: req(arr(rosterMember, 32)),
        },
        goodRoster,
      ),
    ),
  }),
  rosterDraftGet: EMPTY,
  rosterDraftSet: obj({ members: req(arr(rosterMember, 8)) }),
  rosterDelete: obj({ id: req(id) }),
  contactsImportPreview: obj({
    fileName: req(str(255)),
    dataBase64: req(str(IMPORT_BASE64_MAX_CHARS, { pattern: BASE64, sample: csvBase64 })),
    duplicate: req(duplicate),
    sheet: opt(str(64)),
    mapping: opt(
      arr(
        obj({
          role: req(oneOf('name', 'family', 'given', 'number', 'label', 'org', 'notes', 'groups', 'favorite', 'ignore')),
          label: req(str(CONTACT_LABEL_MAX)),
        }),
        256,
      ),
    ),
    lang: opt(oneOf('zh-CN', 'en')),
  }),
  contactsImportApply: obj({
    importId: req(str(64, { min: 1, pattern: IMPORT_ID })),
    duplicate: req(duplicate),
    decisions: opt(arr(obj({ line: req(int({ min: 1 })), decision: req(oneOf('keep', 'merge', 'skip')) }), IMPORT_ROWS_MAX)),
  }),
  contactsImportLast: EMPTY,
  contactsImportUndo: EMPTY,
  contactsImportRejected: obj({ importId: req(str(64, { min: 1, pattern: IMPORT_ID })), lang: opt(oneOf('zh-CN', 'en')) }),
  contactsImportRows: obj({
    importId: req(str(64, { min: 1, pattern: IMPORT_ID })),
    offset: req(int({ min: 0 })),
    limit: req(int({ min: 1 })),
    status: opt(oneOf('new', 'duplicate', 'conflict', 'error')),
  }),
  contactsExport: obj({ lang: opt(oneOf('zh-CN', 'en')) }),
  callLogList: obj({ sinceRevision: opt(timestamp) }),
  callLogExport: obj({ lang: opt(oneOf('zh-CN', 'en')) }),
  noticesList: EMPTY,
  desktopSettingsGet: EMPTY,
  desktopSettingsSet: obj({
    hotkeyDialClipboard: opt(str(64, { sample: fc.constantFrom('Ctrl+Alt+D', 'ctrl+alt+f9', 'Shift+D', '', 'Ctrl+Hyper+X') })),
    hotkeyToggleWindow: opt(str(64, { sample: fc.constantFrom('Ctrl+Alt+S', 'Alt+Space', 'D', '') })),
    closeToTray: opt(bool),
    notifications: opt(bool),
    startAtLogin: opt(bool),
  }),
  reportsGet: obj(reportQuery, reportSample),
  teamStatus: EMPTY,
  teamSignIn: obj({
    hubUrl: req(str(256, { min: 1 })),
    username: req(str(64, { min: 1 })),
    password: req(str(256, { min: 1 })),
    acceptPlaintextRisk: opt(bool),
  }),
  teamSignOut: EMPTY,
  teamLocalExport: obj({ lang: opt(oneOf('zh-CN', 'en')) }),
  teamTodayCounts: EMPTY,
  teamUsers: EMPTY,
  teamUserPhoneSet: obj({ username: req(str(64, { min: 1 })), phone: req(str(64, { min: 1 })) }),
};

// ---------------------------------------------------------------------------------------------
// The oracle

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * String limits count code points (what a person sees as one character, an emoji included), not
 * UTF-16 units; a lone surrogate counts as one.
 */
export function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function inLength(s: string, min: number, max: number): boolean {
  // Cheap bounds first: a code point is one or two units.
  if (s.length < min || s.length > 2 * max) return false;
  const n = codePoints(s);
  return n >= min && n <= max;
}

/** Whether a JSON value fits the shape. Meant for JSON values (what the preview bridge can carry). */
export function conforms(shape: Shape, v: unknown): boolean {
  switch (shape.kind) {
    case 'string':
      return typeof v === 'string' && inLength(v, shape.min ?? 0, shape.max) && (!shape.pattern || shape.pattern.test(v));
    case 'int':
      return typeof v === 'number' && Number.isSafeInteger(v) && (shape.min === undefined || v >= shape.min);
    case 'bool':
      return typeof v === 'boolean';
    case 'enum':
      return typeof v === 'string' && shape.values.includes(v);
    case 'array':
      return Array.isArray(v) && v.length <= shape.max && v.every((x) => conforms(shape.of, x));
    case 'object':
      return (
        isRecord(v) &&
        Object.keys(v).every((k) => hasOwn(shape.fields, k)) &&
        Object.entries(shape.fields).every(([k, f]) => (hasOwn(v, k) ? conforms(f.shape, v[k]) : f.optional === true))
      );
  }
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

/** Strings of every kind: ASCII, any code point (lone surrogates included), CJK, emoji, controls. */
const anyText = (maxLength: number) =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    // Without the u flag on purpose: the class yields lone surrogate halves, which the parsers must survive.
    // eslint-disable-next-line no-misleading-character-class -- see above
    fc.stringMatching(/^[\u4e00-\u9fff\u0000-\u001f\u200b-\u200f\u202a-\u202e\ud83d\ude00 ]{0,12}$/),
  );

/** Arbitraries are built once per shape: `chain` below would otherwise rebuild them on every run. */
function memo(build: (shape: Shape) => fc.Arbitrary<unknown>): (shape: Shape) => fc.Arbitrary<unknown> {
  const cache = new WeakMap<Shape, fc.Arbitrary<unknown>>();
  return (shape) => {
    let arb = cache.get(shape);
    if (!arb) cache.set(shape, (arb = build(shape)));
    return arb;
  };
}

export const validArb = memo(buildValid);
/** Values that do not fit `shape`, each by construction (and checked against the oracle). */
export const invalidArb = memo((shape) => invalidUnchecked(shape).filter((v) => !conforms(shape, v)));

function buildValid(shape: Shape): fc.Arbitrary<unknown> {
  switch (shape.kind) {
    case 'string': {
      const min = shape.min ?? 0;
      const cap = Math.min(shape.max, 40);
      const base = shape.sample ?? (shape.pattern ? fc.stringMatching(shape.pattern) : anyText(cap));
      return base.filter((s) => inLength(s, min, shape.max) && (!shape.pattern || shape.pattern.test(s)));
    }
    case 'int':
      return shape.sample ?? (shape.min !== undefined ? fc.integer({ min: shape.min }) : fc.oneof(fc.integer(), fc.maxSafeInteger()));
    case 'bool':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...shape.values);
    case 'array':
      return fc.array(validArb(shape.of), { maxLength: Math.min(shape.max, 4) });
    case 'object': {
      const keys = Object.keys(shape.fields);
      const model = Object.fromEntries(keys.map((k) => [k, validArb(shape.fields[k].shape)]));
      const record = fc.record(model, { requiredKeys: keys.filter((k) => !shape.fields[k].optional) });
      return shape.sample
        ? fc.oneof(
            record,
            shape.sample.filter((v) => conforms(shape, v)),
          )
        : record;
    }
  }
}

const jsonLeaf = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null));
const NOT_STRING = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(jsonLeaf, { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 4 }), jsonLeaf, { maxKeys: 2 }),
);
const NOT_NUMBER = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom('600', '1e3', ''),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 4 }), jsonLeaf, { maxKeys: 2 }),
);
const NOT_INT = fc.oneof(
  NOT_NUMBER,
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Number.isInteger(d)),
  fc.constantFrom(0.5, -1.5, 2 ** 53, -(2 ** 53), 1e300, -1e300, Number.MAX_VALUE),
);
const NOT_BOOL = fc.oneof(
  fc.integer({ min: 0, max: 1 }),
  fc.constantFrom('true', 'false', ''),
  fc.constant(null),
  fc.array(jsonLeaf, { maxLength: 1 }),
  fc.dictionary(fc.string({ maxLength: 4 }), jsonLeaf, { maxKeys: 1 }),
);
const NOT_ARRAY = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.dictionary(fc.string({ maxLength: 4 }), jsonLeaf, { maxKeys: 2 }),
);
const NOT_OBJECT = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(jsonLeaf, { maxLength: 2 }));

/** Characters none of the contract's patterns admit. */
const FOREIGN_CHAR = fc.constantFrom(' ', '!', '#', '\n', '\u0000', 'é', '汉', '\ud83d\ude00', '"', '\\');

/** A string of more than `max` code points: just over, or huge (a megabyte more). */
function tooLong(max: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(1, 2, 100, 1_000_000), fc.constantFrom('a', '汉', '\ud83d\ude00', '\u0000', '9'))
    .map(([extra, ch]) => ch.repeat(max + extra));
}

function wrongType(shape: Shape): fc.Arbitrary<unknown> {
  switch (shape.kind) {
    case 'string':
      return NOT_STRING;
    case 'int':
      return NOT_INT;
    case 'bool':
      return NOT_BOOL;
    case 'enum':
      return fc.oneof(
        NOT_STRING,
        fc.string({ maxLength: 10 }),
        fc.constantFrom(...shape.values.map((v) => v.toUpperCase()), ...shape.values.map((v) => ` ${v}`)),
      );
    case 'array':
      return NOT_ARRAY;
    case 'object':
      return NOT_OBJECT;
  }
}

/** Keys that must never reach a prototype: as own keys (JSON.parse makes them so). */
export const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'] as const;
const extraKey = fc.oneof(
  fc.constantFrom(...POLLUTION_KEYS, 'toString', 'hasOwnProperty', 'valueOf', 'then', 'length', ''),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);

/** Adds `key` as an own, enumerable property, the way JSON.parse would, and round-trips through JSON. */
export function withOwnKey(value: Record<string, unknown>, key: string, extra: unknown): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  Object.defineProperty(copy, key, { value: extra, enumerable: true, writable: true, configurable: true });
  return JSON.parse(JSON.stringify(copy)) as Record<string, unknown>;
}

function invalidUnchecked(shape: Shape): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [wrongType(shape)];
  switch (shape.kind) {
    case 'string':
      // Past ~100 000 (the 14 MB import) each case costs milliseconds: the suite adds those as examples.
      if (shape.max < 100_000) options.push(tooLong(shape.max));
      if ((shape.min ?? 0) > 0) options.push(fc.constant(''));
      if (shape.pattern) {
        options.push(
          fc.tuple(validArb(shape), FOREIGN_CHAR, fc.nat()).map(([s, ch, at]) => {
            const i = at % ((s as string).length + 1);
            return (s as string).slice(0, i) + ch + (s as string).slice(i);
          }),
        );
      }
      break;
    case 'int':
      if (shape.min !== undefined) options.push(fc.integer({ max: shape.min - 1 }));
      break;
    case 'array':
      // One element too many, made of copies so even 10 001 ids cost nothing to build.
      options.push(validArb(shape.of).map((x) => Array.from({ length: shape.max + 1 }, () => x)));
      options.push(
        fc.tuple(fc.array(validArb(shape.of), { minLength: 1, maxLength: 3 }), invalidArb(shape.of), fc.nat()).map(([xs, bad, at]) => {
          const copy = [...xs];
          copy[at % copy.length] = bad;
          return copy;
        }),
      );
      break;
    case 'object': {
      const keys = Object.keys(shape.fields);
      const valid = validArb(shape) as fc.Arbitrary<Record<string, unknown>>;
      options.push(
        fc
          .tuple(valid, extraKey, jsonLeaf)
          .filter(([, k]) => !hasOwn(shape.fields, k))
          .map(([v, k, x]) => withOwnKey(v, k, x)),
      );
      const required = keys.filter((k) => !shape.fields[k].optional);
      if (required.length > 0) {
        options.push(
          fc.tuple(valid, fc.constantFrom(...required)).map(([v, k]) => {
            const copy = { ...v };
            delete copy[k];
            return copy;
          }),
        );
      }
      if (keys.length > 0) {
        options.push(fc.tuple(valid, fc.constantFrom(...keys)).chain(([v, k]) => invalidArb(shape.fields[k].shape).map((bad) => ({ ...v, [k]: bad }))));
      }
      break;
    }
    default:
      break;
  }
  return fc.oneof(...options);
}

/** Every object (at any depth, also inside arrays) of a JSON value, outermost first. */
function objectsIn(v: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(v)) v.forEach((x) => objectsIn(x, out));
  else if (isRecord(v)) {
    out.push(v);
    Object.values(v).forEach((x) => objectsIn(x, out));
  }
  return out;
}

/** What a pollution attempt carries: a marker that shows up on every object if it ever lands. */
export const POLLUTION_MARKER = 'pollutedByFuzz';
const pollutionValue = fc.constantFrom<unknown>(
  { [POLLUTION_MARKER]: 'yes' },
  JSON.parse(`{"${POLLUTION_MARKER}":"yes","__proto__":{"${POLLUTION_MARKER}":"yes"}}`),
  { prototype: { [POLLUTION_MARKER]: 'yes' } },
  JSON.parse(`{"prototype":{"${POLLUTION_MARKER}":"yes"},"__proto__":{"${POLLUTION_MARKER}":"yes"}}`),
  'yes',
  null,
);

/** A payload that fits the contract except for one prototype-pollution key, at any object depth. */
export function pollutedArb(shape: Shape): fc.Arbitrary<unknown> {
  return fc.tuple(validArb(shape), fc.nat(), fc.constantFrom(...POLLUTION_KEYS), pollutionValue).map(([v, at, key, extra]) => {
    const root = JSON.parse(JSON.stringify(v)) as unknown;
    const targets = objectsIn(root);
    const target = targets[at % targets.length];
    Object.defineProperty(target, key, { value: extra, enumerable: true, writable: true, configurable: true });
    return JSON.parse(JSON.stringify(root)) as unknown;
  });
}

export type Labelled = { source: string; value: unknown; json: boolean };

/**
 * The fuzz mix for one operation. `validWeight` keeps state-changing operations from spending the
 * run writing to disk. `json: false` marks values only Electron's structured clone could carry
 * (Date, Map, BigInt, null-prototype objects…): for those only the generic promises are checked.
 */
export function payloadArb(shape: Shape, validWeight: number): fc.Arbitrary<Labelled> {
  const tag =
    (source: string, json = true) =>
    (value: unknown): Labelled => ({ source, value, json });
  return fc.oneof(
    { weight: validWeight, arbitrary: validArb(shape).map(tag('valid')) },
    { weight: 40, arbitrary: invalidArb(shape).map(tag('invalid')) },
    { weight: 12, arbitrary: pollutedArb(shape).map(tag('pollution')) },
    { weight: 15, arbitrary: fc.jsonValue({ maxDepth: 3 }).map(tag('json')) },
    { weight: 5, arbitrary: fc.jsonValue({ maxDepth: 2, stringUnit: 'binary' }).map(tag('json-unicode')) },
    {
      weight: 5,
      arbitrary: fc
        .anything({
          maxDepth: 2,
          withBigInt: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withTypedArray: true,
          withNullPrototype: true,
          withSparseArray: true,
          withBoxedValues: true,
        })
        .map(tag('anything', false)),
    },
  );
}

/**
 * For every string field, a payload that fits except that this field is one code point too long,
 * with the cheapest character the field's pattern admits: only the length can be what is refused.
 * These cover the large limits (a 14 MB import) that the random mix leaves out to stay quick.
 */
export function oversizeExamples(shape: Shape): unknown[] {
  const out: unknown[] = [];
  const sampleOf = (s: Shape) => fc.sample(validArb(s), { numRuns: 1, seed: 42 })[0];
  const visit = (s: Shape, wrap: (v: unknown) => unknown): void => {
    if (s.kind === 'string') out.push(wrap('A'.repeat(s.max + 1)));
    if (s.kind === 'array') visit(s.of, (v) => wrap([v]));
    if (s.kind === 'object') {
      for (const [k, f] of Object.entries(s.fields)) visit(f.shape, (v) => wrap({ ...(sampleOf(s) as object), [k]: v }));
    }
  };
  visit(shape, (v) => v);
  return out;
}
