import { useShallow } from 'zustand/react/shallow';
import { useT } from '../i18n/use-t';
import { useToastStore } from '../state/toast-store';
import { Icon } from './Icon';
import { Message } from './Message';

/** Bottom-left stack; polite live region so screen readers hear "已删除 张三" without losing focus. */
export function Toasts() {
  const t = useT();
  const toasts = useToastStore((s) => s.toasts);
  const { dismiss, runUndo, hold, release } = useToastStore(useShallow((s) => ({ dismiss: s.dismiss, runUndo: s.runUndo, hold: s.hold, release: s.release })));
  return (
    <div className="toasts" aria-live="polite" aria-relevant="additions">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className={`toast tone-${toast.tone}`}
          data-testid="toast"
          role={toast.tone === 'error' ? 'alert' : 'status'}
          onMouseEnter={() => hold(toast.id)}
          onMouseLeave={() => release(toast.id)}
          onFocus={() => hold(toast.id)}
          onBlur={() => release(toast.id)}
        >
          <span className="toast-text">
            <Message message={toast.message} />
          </span>
          {toast.undo && (
            <button type="button" className="toast-undo" data-testid="toast-undo" onClick={() => void runUndo(toast.id)}>
              {t('common.undo')}
            </button>
          )}
          <button type="button" className="icon-button ghost" onClick={() => dismiss(toast.id)} aria-label={t('common.dismiss')}>
            <Icon name="close" />
          </button>
        </div>
      ))}
    </div>
  );
}
