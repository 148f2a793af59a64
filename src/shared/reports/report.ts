/**
 * The call report (统计) as data: what the reports tab draws and exports. Built by buildReport
 * from any list of call-log entries (the desk's own log today; the team's log from the hub in
 * team mode), so the numbers never depend on where the log lives.
 */
import type { CallParty, PhoneNumber, SessionType } from '../domain';

/**
 * One result per attempt, for counting. the log's result (report-outcome.ts): `answered`: someone called
 * answered (their leg says so, else the bill's talk time). `notAnswered`: over, nobody called
 * answered. `failed`: never accepted (see the entry's error). `open`: still under way, or its end
 * could not be learned.
 */
export type ReportOutcome = 'answered' | 'notAnswered' | 'failed' | 'open';
export const REPORT_OUTCOMES: readonly ReportOutcome[] = ['answered', 'notAnswered', 'failed', 'open'];

/** The charts of the reports tab, in the order shown. */
export const REPORT_CHARTS = ['perDay', 'perHour', 'outcomes', 'talkTime', 'longest', 'busiestNumbers', 'busiestContacts', 'hangCauses', 'confSizes'] as const;
export type ReportChartId = (typeof REPORT_CHARTS)[number];

export type OutcomeCounts = Record<ReportOutcome, number>;

export interface ReportDay extends OutcomeCounts {
  /** `YYYY-MM-DD`, local to the report's time zone. */
  day: string;
  attempts: number;
  /** Seconds of talk time of the answered attempts. */
  talkSec: number;
}

export interface ReportHour {
  /** 0–23, local. */
  hour: number;
  attempts: number;
  answered: number;
}

export interface ReportLongCall {
  id: string;
  createdAt: number;
  kind: SessionType;
  parties: CallParty[];
  durationSec: number;
}

export interface ReportNumber {
  number: PhoneNumber;
  /** The name most recently logged with this number. */
  name?: string;
  attempts: number;
  answered: number;
  talkSec: number;
}

export interface ReportContact {
  name: string;
  numbers: PhoneNumber[];
  attempts: number;
  answered: number;
  talkSec: number;
}

export interface ReportHangCause {
  /** As the server gave it (`NORMAL_CLEARING`, …). */
  cause: string;
  count: number;
}

export interface ReportConfSize {
  /** Callees (the dispatcher, who hosts, is not counted). */
  size: number;
  count: number;
  answered: number;
}

export interface CallReport {
  /** Inclusive local days. */
  from: string;
  to: string;
  timeZone: string;
  totals: OutcomeCounts & {
    attempts: number;
    calls: number;
    confs: number;
    talkSec: number;
    /** Over the answered attempts; 0 when none. */
    avgTalkSec: number;
  };
  /** Every day of the range, oldest first, days without calls included. */
  perDay: ReportDay[];
  /** 24 rows. */
  perHour: ReportHour[];
  /** Longest answered attempts first. */
  longest: ReportLongCall[];
  /** Most attempts first (talk time breaks ties). */
  busiestNumbers: ReportNumber[];
  busiestContacts: ReportContact[];
  /** Most frequent first. */
  hangCauses: ReportHangCause[];
  /** By size, ascending. */
  confSizes: ReportConfSize[];
}

/** `report-perDay-2026-11-01_2026-11-30.csv`: which chart and which dates, sortable. */
export function reportFileName(chart: ReportChartId, from: string, to: string, ext: 'csv' | 'png'): string {
  return `report-${chart}-${from}_${to}.${ext}`;
}
