/**
 * The store notices of this run (files set aside at start-up, damaged records found later), with
 * the time each was noticed, for the window to show. Kept in memory: the files moved aside are
 * the lasting record.
 */
import type { AppNotice } from '../../shared/domain';
import type { StoreNotice } from './store-notice';

/** A damaged file produces one notice; more than this means something else is badly wrong. */
const MAX_NOTICES = 100;

export interface NoticeBoard {
  add(notice: StoreNotice): void;
  list(): AppNotice[];
}

export function createNoticeBoard(now: () => number): NoticeBoard {
  const notices: { notice: StoreNotice; at: number }[] = [];
  return {
    add(notice) {
      // A collection updates its damage notice in place (skippedLines grows), so keep the object.
      if (notices.some((n) => n.notice === notice)) return;
      if (notices.length < MAX_NOTICES) notices.push({ notice, at: now() });
    },
    list: () =>
      notices.map(({ notice, at }): AppNotice =>
        notice.kind === 'corrupt_file_moved'
          ? { kind: notice.kind, file: notice.file, movedTo: notice.movedTo, at }
          : { kind: notice.kind, file: notice.file, copiedTo: notice.copiedTo, skippedLines: notice.skippedLines, at },
      ),
  };
}
