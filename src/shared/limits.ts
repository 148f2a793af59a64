/** Limits that both the renderer (instant feedback) and main (the authority) enforce. */

/** The vendor's hard limit for a conference. */
export const MAX_CONFERENCE_CALLEES = 8;

/**
 * maxDur bounds in seconds. The vendor documents no range (demos use 60–3600). Below 10 s a call
 * cannot even ring through; above 4 h a forgotten conference would run up a large bill (for a
 * conference maxDur is the sum of all legs). Settings may narrow the range within these.
 */
export const MAX_DUR_ABSOLUTE_MIN = 10;
export const MAX_DUR_ABSOLUTE_MAX = 14_400;
export const MAX_DUR_DEFAULT_MIN = 30;
export const MAX_DUR_DEFAULT_MAX = 3_600;
export const MAX_DUR_DEFAULT = 600;

/** Yunxin accid: letters, digits, `_ @ . -`, at most 32 characters. */
export const CALLER_ACC_PATTERN = /^[A-Za-z0-9_@.-]{1,32}$/;

/** Yunxin nonce limit. */
export const NONCE_MAX_LENGTH = 128;

export const DEFAULT_BASE_URL = 'https://api.netease.im';
export const DEFAULT_TIMEOUT_MS = 10_000;
/** Skew beyond which we warn the dispatcher (the server refuses at 300 s). */
export const CLOCK_SKEW_WARN_SECONDS = 60;
export const CHECKSUM_VALIDITY_SECONDS = 300;
