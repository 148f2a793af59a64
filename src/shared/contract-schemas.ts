/**
 * The operations the renderer may request, and the shape of each request: the ONE declaration.
 * The names here are the operation names (contract.ts derives `OperationName` from this object's
 * keys and checks its dependency-free name list against them at compile time), and the request
 * types everywhere are `z.input` of these schemas, so a field cannot exist in a type and be
 * missing here. Responses are plain TypeScript types in contract.ts, keyed by the same names.
 *
 * Main checks each payload against these before a handler sees it: unknown keys are rejected
 * (`strict`), strings are length-capped so a hostile renderer cannot make main chew on megabytes.
 * The finer rules (phone numbers, the 8-callee limit, maxDur bounds) live in validation.ts, shared
 * with the renderer for instant feedback.
 */
import { z } from 'zod';
import { ACCOUNT_CHECK_TARGETS, type AccountCheckTarget, type ContactDraft, type DesktopSettings, type RosterMember, type Settings } from './domain';
import { LANGUAGES, type Language } from './result';
import { MAX_CONFERENCE_CALLEES } from './limits';
import {
  BULK_IDS_MAX,
  CONTACT_EXTENSION_MAX,
  CONTACT_GROUPS_MAX,
  CONTACT_LABEL_MAX,
  CONTACT_NAME_MAX,
  CONTACT_NOTES_MAX,
  CONTACT_NUMBERS_MAX,
  CONTACT_ORG_MAX,
  GROUP_NAME_MAX,
  ID_PATTERN,
  IMPORT_BASE64_MAX_CHARS,
  IMPORT_ROWS_MAX,
  RESTORE_MAX,
  ROSTER_MEMBERS_MAX,
  ROSTER_NAME_MAX,
} from './contact-limits';
import { COLUMN_ROLES, IMPORT_COLUMNS_MAX, SHEET_NAME_MAX } from './import-mapping';

/** A number as the dispatcher typed it; main normalises and validates it. */
const typedNumber = z.string().max(64);
/** Seconds; the default from settings when absent. */
const maxDur = z.number().int().optional();
const empty = z.object({}).strict();
const csvExport = z.object({ lang: z.enum(LANGUAGES as [Language, ...Language[]]).optional() }).strict();

const id = z.string().regex(ID_PATTERN);
/** A report: inclusive local days and the IANA time zone they are local to (the window's). */
const reportQuery = {
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  timeZone: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_+\-/]+$/),
};
const timestamp = z.number().int().nonnegative();
const duplicate = z.enum(['skip', 'merge', 'replace']);
/** An unguessable id main gave an import preview. */
const importId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
/** An extension as stored: digits only (phone-extension.ts splits it off what was typed). */
const extensionDigits = z.string().regex(/^\d+$/).max(CONTACT_EXTENSION_MAX);
// `number` may carry its extension as typed (`0571-88886666 转 123`); a stored contact sends it apart.
const contactNumber = z
  .object({ label: z.string().max(CONTACT_LABEL_MAX), number: typedNumber, extension: z.string().max(CONTACT_EXTENSION_MAX).optional() })
  .strict();
const numbers = z.array(contactNumber).max(CONTACT_NUMBERS_MAX);
const groupIds = z.array(id).max(CONTACT_GROUPS_MAX);

const contactDraft = z
  .object({
    id: id.optional(),
    name: z.string().max(CONTACT_NAME_MAX),
    numbers,
    org: z.string().max(CONTACT_ORG_MAX).optional(),
    notes: z.string().max(CONTACT_NOTES_MAX).optional(),
    favorite: z.boolean().optional(),
    groupIds: groupIds.optional(),
    baseRevision: z.number().int().nonnegative().optional(),
  })
  .strict();

/** Exactly what contactsDelete returned (a Contact, without search keys). */
const deletedContact = z
  .object({
    id,
    name: z.string().max(CONTACT_NAME_MAX),
    numbers,
    org: z.string().max(CONTACT_ORG_MAX),
    notes: z.string().max(CONTACT_NOTES_MAX),
    favorite: z.boolean(),
    groupIds,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .strict();

const rosterMember = z
  .object({ contactId: id.optional(), name: z.string().max(CONTACT_NAME_MAX), number: typedNumber, extension: extensionDigits.optional() })
  .strict();

export const requestSchemas = {
  // extension: the one to ask for once through (a contact number's, or split off what was typed);
  // recorded with the call, never dialled. `callee` may also carry it as typed (`… 转 123`).
  startCall: z.object({ callee: typedNumber, maxDur, extension: extensionDigits.optional() }).strict(),
  // Allow a few more than the limit through the shape check so that validation.ts can answer a
  // 9th callee with its own clear message instead of a generic shape error.
  // perPersonSec: the limit per person the dispatcher confirmed (maxDur = it × legs); the setting
  // when absent. maxDur: an explicit total instead (scripts, older windows).
  // extensions: by position in callees ('' for none), recorded per leg and never dialled.
  startConf: z
    .object({
      callees: z.array(typedNumber).max(MAX_CONFERENCE_CALLEES * 4),
      extensions: z
        .array(z.union([extensionDigits, z.literal('')]))
        .max(MAX_CONFERENCE_CALLEES * 4)
        .optional(),
      maxDur,
      perPersonSec: maxDur,
    })
    .strict(),
  accountStatus: empty,
  // appSecret is write-only: it goes into the vault and never comes back. acceptPlaintextRisk must
  // be true to store it with an insecure backend (Linux basic_text).
  accountSave: z
    .object({
      appKey: z.string().max(128),
      appSecret: z.string().max(256),
      acceptPlaintextRisk: z.boolean().optional(),
      baseUrl: z.string().max(256).optional(),
    })
    .strict(),
  accountClear: empty,
  // What the form shows: `target` says which account to test (absent: the current mode's), the
  // typed AppKey/AppSecret/API address only with 'unsaved', the accid as typed (absent: saved).
  accountCheck: z
    .object({
      target: z.enum(ACCOUNT_CHECK_TARGETS as [AccountCheckTarget, ...AccountCheckTarget[]]).optional(),
      appKey: z.string().max(128).optional(),
      appSecret: z.string().max(256).optional(),
      baseUrl: z.string().max(256).optional(),
      callerAcc: z.string().max(64).optional(),
    })
    .strict(),
  settingsGet: empty,
  settingsSet: z
    .object({
      callerAcc: z.string().max(64),
      callerNumber: typedNumber,
      defaultMaxDur: z.number().int(),
      confPerPersonSec: z.number().int(),
      maxDurMin: z.number().int(),
      maxDurMax: z.number().int(),
      mode: z.enum(['sandbox', 'production']),
      language: z.enum(LANGUAGES as [Language, ...Language[]]),
      baseUrl: z.string().max(256),
    })
    .partial()
    .strict(),
  // Paged so the window shows the first screen long before 50 000 contacts have crossed: `limit`
  // contacts in display order from position `offset` (defaults: from the start, all of them).
  // int() keeps both to safe integers; an offset past the end is an empty page, not an error.
  contactsList: z.object({ offset: z.number().int().nonnegative().optional(), limit: z.number().int().positive().optional() }).strict(),
  contactSave: z.object({ contact: contactDraft }).strict(),
  contactsDelete: z.object({ ids: z.array(id).max(BULK_IDS_MAX) }).strict(),
  contactsRestore: z.object({ contacts: z.array(deletedContact).max(RESTORE_MAX) }).strict(),
  groupSave: z.object({ group: z.object({ id: id.optional(), name: z.string().max(GROUP_NAME_MAX) }).strict() }).strict(),
  groupDelete: z.object({ id }).strict(),
  // Like startConf: a few members too many get through the shape check so that the service can
  // answer with its own sentence ("at most 8") rather than a generic shape error.
  rosterSave: z
    .object({
      roster: z
        .object({
          id: id.optional(),
          name: z.string().max(ROSTER_NAME_MAX),
          members: z.array(rosterMember).max(ROSTER_MEMBERS_MAX * 4),
        })
        .strict(),
    })
    .strict(),
  rosterDelete: z.object({ id }).strict(),
  // The conference being built, kept by main so it survives reloads and restarts.
  rosterDraftGet: empty,
  rosterDraftSet: z.object({ members: z.array(rosterMember).max(ROSTER_MEMBERS_MAX) }).strict(),
  contactsImportPreview: z
    .object({
      fileName: z.string().max(255),
      // The file's raw bytes: main detects UTF-8 (with or without BOM) or GBK.
      // Length first (cheap), then the alphabet, so a 14 MB string is scanned once at most.
      dataBase64: z
        .string()
        .max(IMPORT_BASE64_MAX_CHARS)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/),
      duplicate,
      // The reader's choices: which sheet of a workbook, what each column means (the mapping
      // step), the language of the labels it translates (Mobile → 手机).
      sheet: z.string().max(SHEET_NAME_MAX).optional(),
      mapping: z
        .array(z.object({ role: z.enum(COLUMN_ROLES), label: z.string().max(CONTACT_LABEL_MAX) }).strict())
        .max(IMPORT_COLUMNS_MAX)
        .optional(),
      lang: z.enum(LANGUAGES as [Language, ...Language[]]).optional(),
    })
    .strict(),
  contactsImportApply: z
    .object({
      importId,
      duplicate,
      // The dispatcher's choice for conflict rows (a shared number under another name); rows not
      // listed keep both people.
      decisions: z
        .array(z.object({ line: z.number().int().positive(), decision: z.enum(['keep', 'merge', 'skip']) }).strict())
        .max(IMPORT_ROWS_MAX)
        .optional(),
    })
    .strict(),
  contactsImportLast: empty,
  contactsImportUndo: empty,
  contactsImportRejected: z.object({ importId, lang: csvExport.shape.lang }).strict(),
  contactsImportRows: z
    .object({
      importId,
      // Past the end is an empty page; a larger limit is cut to IMPORT_PREVIEW_ROWS by main.
      offset: z.number().int().nonnegative(),
      limit: z.number().int().positive(),
      status: z.enum(['new', 'duplicate', 'conflict', 'error']).optional(),
    })
    .strict(),
  // lang: the words of the file (headers, status words), the UI language; zh-CN when absent.
  contactsExport: csvExport,
  // sinceRevision: only entries changed after it; absent for everything.
  callLogList: z.object({ sinceRevision: z.number().int().nonnegative().optional() }).strict(),
  callLogExport: csvExport,
  noticesList: empty,
  desktopSettingsGet: empty,
  // Accelerators are checked by main (shared/hotkeys.ts) with a sentence per problem.
  desktopSettingsSet: z
    .object({
      hotkeyDialClipboard: z.string().max(64),
      hotkeyToggleWindow: z.string().max(64),
      closeToTray: z.boolean(),
      notifications: z.boolean(),
      startAtLogin: z.boolean(),
    })
    .partial()
    .strict(),
  // The reports tab: the report over a date range (the tab writes each chart's CSV from it).
  reportsGet: z.object(reportQuery).strict(),
  // Team mode. The password is write-only: main sends it to the hub once and keeps only the token
  // (encrypted, never sent back). acceptPlaintextRisk as for accountSave.
  teamStatus: empty,
  teamSignIn: z
    .object({
      hubUrl: z.string().min(1).max(256),
      username: z.string().min(1).max(64),
      password: z.string().min(1).max(256),
      acceptPlaintextRisk: z.boolean().optional(),
    })
    .strict(),
  teamSignOut: empty,
  // The desk's own (local) contacts as CSV, to upload them to the team through the import preview.
  teamLocalExport: csvExport,
  // The board's counts for today, counted by the hub (its time zone); staff see the whole team.
  teamTodayCounts: empty,
  // Admin only (the hub checks the role): the team's users, and the phone the hub rings first for one.
  teamUsers: empty,
  teamUserPhoneSet: z.object({ username: z.string().min(1).max(64), phone: z.string().min(1).max(64) }).strict(),
} satisfies Record<string, z.ZodType>;

// The schemas must accept what the domain types say (a field the domain has and a schema lacks
// would be refused at runtime): these fail to compile when a schema drifts from its type.
type Accepts<Schema extends z.ZodType, T> = [T] extends [z.input<Schema>] ? ([Exclude<keyof T, keyof z.input<Schema>>] extends [never] ? true : never) : never;
const _drift: {
  contact: Accepts<typeof contactDraft, ContactDraft>;
  member: Accepts<typeof rosterMember, RosterMember>;
  settings: Accepts<(typeof requestSchemas)['settingsSet'], Partial<Settings>>;
  desktop: Accepts<(typeof requestSchemas)['desktopSettingsSet'], Partial<DesktopSettings>>;
} = { contact: true, member: true, settings: true, desktop: true };
void _drift;
