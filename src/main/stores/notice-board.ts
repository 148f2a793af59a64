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

/** `onAdded`: told of each notice that made it onto the board (core emits `noticeAdded`). */
export function createNoticeBoard(now: () => number, onAdded?: (notice: AppNotice) => void): NoticeBoard {
  const notices: { notice: StoreNotice; at: number }[] = [];
  return {
    add(notice) {
      // A collection updates its damage notice in place (skippedLines grows), so keep the object.
      if (notices.some((n) => n.notice === notice)) return;
      if (notices.length >= MAX_NOTICES) return;
      const added = { notice, at: now() };
      notices.push(added);
      onAdded?.(toAppNotice(added));
    },
    list: () => notices.map(toAppNotice),
  };
}

function toAppNotice({ notice, at }: { notice: StoreNotice; at: number }): AppNotice {
  return notice.kind === 'corrupt_file_moved'
    ? { kind: notice.kind, file: notice.file, movedTo: notice.movedTo, at }
    : { kind: notice.kind, file: notice.file, copiedTo: notice.copiedTo, skippedLines: notice.skippedLines, at };
}
