import { useEffect, useId, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../i18n/use-t';
import { Icon } from './Icon';

/** Open sheets, innermost last: global shortcuts stand down while any is open. */
const openSheets: string[] = [];

export function isSheetOpen(): boolean {
  return openSheets.length > 0;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el.offsetParent !== null || el === document.activeElement);
}

export interface SheetProps {
  title: ReactNode;
  onClose(): void;
  testId: string;
  children: ReactNode;
  /** Focused when the sheet opens; else the first focusable element. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** `side`: a panel from the right (forms); `center`: a dialog (confirmations, help). */
  variant?: 'side' | 'center';
  /** Close when the backdrop is clicked (not for forms, where a stray click would lose typing). */
  closeOnBackdrop?: boolean;
  footer?: ReactNode;
  className?: string;
}

/**
 * A modal sheet: focus moves in, Tab stays in, Esc closes, and focus returns to where it was
 * (or to a sensible fallback when that element is gone, e.g. a virtualised row that scrolled away).
 */
export function Sheet({ title, onClose, testId, children, initialFocus, variant = 'side', closeOnBackdrop = false, footer, className }: SheetProps) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  // The latest onClose for the key handler, updated after render (a ref must not change during it).
  useLayoutEffect(() => {
    onCloseRef.current = onClose;
  });
  // Where focus was before the sheet opened: captured at first render, before the sheet takes it.
  const previousRef = useRef<HTMLElement | null | undefined>(undefined);
  if (previousRef.current === undefined) previousRef.current = document.activeElement as HTMLElement | null;

  useEffect(() => {
    const id = titleId;
    const previous = previousRef.current;
    openSheets.push(id);
    const root = ref.current;
    const target = initialFocus?.current ?? (root ? focusables(root)[0] : null) ?? root;
    target?.focus();
    // Focus must not wander behind the sheet (a click on the backdrop, a programmatic focus).
    const onFocusIn = (e: FocusEvent) => {
      if (openSheets[openSheets.length - 1] !== id || !root) return;
      if (e.target instanceof Node && !root.contains(e.target)) (focusables(root)[0] ?? root).focus();
    };
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      const at = openSheets.lastIndexOf(id);
      if (at >= 0) openSheets.splice(at, 1);
      const back = previous && previous.isConnected ? previous : document.querySelector<HTMLElement>('[data-focus-home]');
      // After React has removed the sheet, so focusin above cannot pull focus back in; skipped
      // when the same sheet mounted again (React StrictMode runs effects twice).
      queueMicrotask(() => {
        if (!openSheets.includes(id)) back?.focus();
      });
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- mount/unmount only: the sheet's identity is its lifetime, a new initialFocus must not re-focus it
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Keys typed in a sheet belong to it: nothing behind reacts (React bubbles portal events to parents).
    e.stopPropagation();
    if (e.key === 'Escape' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      onCloseRef.current();
      return;
    }
    // A held key must not confirm anything: only a fresh Enter counts.
    if (e.key === 'Enter' && e.repeat) {
      e.preventDefault();
      return;
    }
    if (e.key === 'Tab' && ref.current) {
      const items = focusables(ref.current);
      if (items.length === 0) {
        e.preventDefault();
        return;
      }
      const first = items[0];
      const last = items[items.length - 1];
      if (e.shiftKey && (document.activeElement === first || !ref.current.contains(document.activeElement))) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
  };

  return createPortal(
    <div className={`sheet-backdrop sheet-${variant}`} onMouseDown={(e) => closeOnBackdrop && e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className={`sheet ${className ?? ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <header className="sheet-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="icon-button ghost" onClick={onClose} aria-label={t('common.close')} title={`${t('common.close')} (Esc)`}>
            <Icon name="close" />
          </button>
        </header>
        <div className="sheet-body">{children}</div>
        {footer && <footer className="sheet-footer">{footer}</footer>}
      </div>
    </div>,
    document.body,
  );
}
