/**
 * Size limits of the contact book, enforced by main (the authority) and available to the renderer
 * for instant feedback. They bound what one IPC request can make main store, parse or index.
 */
import { MAX_CONFERENCE_CALLEES } from './limits';

export const CONTACT_NAME_MAX = 64;
export const CONTACT_LABEL_MAX = 16;
export const CONTACT_ORG_MAX = 64;
export const CONTACT_NOTES_MAX = 500;
export const CONTACT_NUMBERS_MAX = 10;
/** Digits of an extension: longer ones are more likely two numbers run together than a switchboard's. */
export const CONTACT_EXTENSION_MAX = 8;
/** A contact in more groups than this is a bug or an attack, not a dispatch team layout. */
export const CONTACT_GROUPS_MAX = 100;
export const GROUP_NAME_MAX = 64;
export const ROSTER_NAME_MAX = 64;
/** A roster is a conference waiting to be started, so it has the conference's limit. */
export const ROSTER_MEMBERS_MAX = MAX_CONFERENCE_CALLEES;

/** Ids main generates are UUIDs; this also admits shorter ids from older versions or imports. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** One bulk delete (select all, delete). */
export const BULK_IDS_MAX = 10_000;
/** One undo puts back at most this many contacts; larger deletes are not undoable in one go. */
export const RESTORE_MAX = 1_000;

/** A CSV file to import, before base64 (which adds a third). */
export const IMPORT_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const IMPORT_BASE64_MAX_CHARS = Math.ceil(IMPORT_FILE_MAX_BYTES / 3) * 4;
/** Lines of one CSV file (header and blank lines included): larger files are refused before they are checked. */
export const IMPORT_ROWS_MAX = 100_000;
/**
 * The whole contact book. Search, the list and start-up are measured at 50 000 (README,
 * Benchmarks); twice that still works, beyond it an import is refused rather than slowing every
 * keystroke for everyone.
 */
export const CONTACT_BOOK_MAX = 100_000;
/** Rows the preview answer carries at first (and the most one page asks for). */
export const IMPORT_PREVIEW_ROWS = 200;
