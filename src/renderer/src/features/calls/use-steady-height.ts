import { useLayoutEffect, useRef, type RefObject } from 'react';
import { mayResize } from '../../lib/steady-height';

/**
 * Returns two refs: keeps `dock` at an explicit height and lets it follow `content`'s height only when the pointer
 * is not where the change would move things (lib/steady-height.ts). The height is always set
 * here, never left to auto layout, so no frame can lay the strip out taller before this runs:
 * a click in between would land on the strip instead of the row the dispatcher aimed at.
 */
export function useSteadyHeight<D extends HTMLElement, C extends HTMLElement>(): { dock: RefObject<D | null>; content: RefObject<C | null> } {
  const dock = useRef<D>(null);
  const content = useRef<C>(null);
  useLayoutEffect(() => {
    const outer = dock.current;
    const inner = content.current;
    if (!outer || !inner) return;
    let granted = inner.offsetHeight;
    outer.style.height = `${granted}px`;
    let pointerY: number | null = null;

    const settle = () => {
      const natural = inner.offsetHeight;
      const rect = outer.getBoundingClientRect();
      const scale = outer.offsetHeight > 0 ? rect.height / outer.offsetHeight : 1;
      if (!mayResize({ granted, natural, pointerY, bottom: rect.bottom, scale })) return;
      granted = natural;
      outer.style.height = `${granted}px`;
    };
    const onMove = (e: PointerEvent) => {
      pointerY = e.clientY;
      settle();
    };
    const onLeave = () => {
      pointerY = null;
      settle();
    };
    const observer = new ResizeObserver(settle);
    observer.observe(inner);
    const root = document.documentElement;
    // Capture phase: a handler that stops propagation must not hide the pointer from us.
    window.addEventListener('pointermove', onMove, { capture: true, passive: true });
    window.addEventListener('pointerdown', onMove, { capture: true, passive: true });
    root.addEventListener('mouseleave', onLeave);
    return () => {
      observer.disconnect();
      window.removeEventListener('pointermove', onMove, { capture: true });
      window.removeEventListener('pointerdown', onMove, { capture: true });
      root.removeEventListener('mouseleave', onLeave);
    };
  }, []);
  return { dock, content };
}
