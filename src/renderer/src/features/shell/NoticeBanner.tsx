import { useShallow } from 'zustand/react/shallow';
import type { AppNotice } from '../../../../shared/domain';
import { Icon } from '../../components/Icon';
import { formatTime } from '../../lib/format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../state/app-store';

/** Storage notices from main (a damaged data file set aside): never silent, dismissable. */
export function NoticeBanner() {
  const t = useT();
  const { notices, dismiss } = useAppStore(useShallow((s) => ({ notices: s.notices, dismiss: s.dismissNotices })));
  if (notices.length === 0) return null;
  const text = (n: AppNotice) => {
    const params = { file: n.file, movedTo: n.movedTo ?? '', copiedTo: n.copiedTo ?? n.movedTo ?? '', skipped: n.skippedLines ?? '?', time: formatTime(n.at) };
    if (n.kind === 'corrupt_file_moved') return t('notice.corruptMoved', params);
    if (n.kind === 'damaged_file_copied') return t('notice.damagedCopied', params);
    return n.movedTo ? t('notice.genericMoved', params) : t('notice.generic', params);
  };
  return (
    <section className="notice-banner" data-testid="notice-banner" role="status">
      <Icon name="warn" />
      <div className="notice-body">
        <strong>{t('notice.title')}</strong>
        <ul>
          {notices.map((n) => (
            <li key={`${n.kind}|${n.file}|${n.at}`} data-testid="notice-item">
              {text(n)}
            </li>
          ))}
        </ul>
      </div>
      <button type="button" data-testid="notice-dismiss" onClick={dismiss}>
        {t('notice.dismiss')}
      </button>
    </section>
  );
}
