/**
 * Runtime shapes of every operation's request. Main checks each payload against these before a
 * handler sees it: unknown keys are rejected (`strict`), strings are length-capped so a hostile
 * renderer cannot make main chew on megabytes. The finer rules (phone numbers, the 8-callee limit,
 * maxDur bounds) live in validation.ts, shared with the renderer for instant feedback.
 */
import { z } from 'zod';
import type { OperationName } from './contract';
import { LANGUAGES } from './result';
import { MAX_CONFERENCE_CALLEES } from './limits';

const typedNumber = z.string().max(64);
const maxDur = z.number().int().optional();
const empty = z.object({}).strict();

export const requestSchemas = {
  startCall: z.object({ callee: typedNumber, maxDur }).strict(),
  // Allow a few more than the limit through the shape check so that validation.ts can answer a
  // 9th callee with its own clear message instead of a generic shape error.
  startConf: z.object({ callees: z.array(typedNumber).max(MAX_CONFERENCE_CALLEES * 4), maxDur }).strict(),
  querySession: z
    .object({ session: z.string().min(1).max(128).regex(/^[A-Za-z0-9_\-.:]+$/), type: z.enum(['call', 'conf']) })
    .strict(),
  accountStatus: empty,
  accountSave: z
    .object({ appKey: z.string().max(128), appSecret: z.string().max(256), acceptPlaintextRisk: z.boolean().optional() })
    .strict(),
  accountClear: empty,
  accountCheck: empty,
  settingsGet: empty,
  settingsSet: z
    .object({
      callerAcc: z.string().max(64),
      callerNumber: typedNumber,
      defaultMaxDur: z.number().int(),
      maxDurMin: z.number().int(),
      maxDurMax: z.number().int(),
      mode: z.enum(['sandbox', 'production']),
      language: z.enum(LANGUAGES as [string, ...string[]]),
      baseUrl: z.string().max(256),
    })
    .partial()
    .strict(),
} satisfies Record<OperationName, z.ZodType>;
