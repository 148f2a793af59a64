/**
 * The window's position, size and maximised state, remembered between runs and checked against
 * the displays present now: a window saved on a projector that is gone must not open off screen.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
  /** Zoom level of the page (View → zoom in/out), 0 = 100 %. */
  zoomLevel: number;
}

export const MIN_SIZE = { width: 960, height: 600 };
export const DEFAULT_SIZE = { width: 1280, height: 820 };
export const ZOOM_LIMITS = { min: -3, max: 5 };
/** At least this much of the title bar must be on a display to grab it. */
const VISIBLE_MARGIN = 64;

export function parseWindowState(value: unknown): WindowState | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const b = v.bounds as Record<string, unknown> | undefined;
  const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
  if (!b || ![b.x, b.y, b.width, b.height].every(finite)) return null;
  return {
    bounds: { x: Math.round(b.x as number), y: Math.round(b.y as number), width: Math.round(b.width as number), height: Math.round(b.height as number) },
    maximized: v.maximized === true,
    zoomLevel: finite(v.zoomLevel) ? clampZoom(v.zoomLevel) : 0,
  };
}

export function clampZoom(level: number): number {
  return Math.min(ZOOM_LIMITS.max, Math.max(ZOOM_LIMITS.min, Math.round(level * 2) / 2));
}

function overlap(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/**
 * The bounds to open with: the saved ones if the title bar is visible on one of `workAreas`
 * (shrunk to fit that display), otherwise null (let the window centre on the primary display).
 */
export function restoreBounds(saved: WindowState | null, workAreas: readonly Rect[]): Rect | null {
  if (!saved) return null;
  const titleBar: Rect = { x: saved.bounds.x, y: saved.bounds.y, width: saved.bounds.width, height: 32 };
  for (const area of workAreas) {
    const visible = overlap(titleBar, area);
    if (!visible || visible.width < Math.min(VISIBLE_MARGIN, titleBar.width) || visible.height < 1) continue;
    const width = Math.max(MIN_SIZE.width, Math.min(saved.bounds.width, area.width));
    const height = Math.max(MIN_SIZE.height, Math.min(saved.bounds.height, area.height));
    const x = Math.min(Math.max(saved.bounds.x, area.x), area.x + area.width - Math.min(width, area.width));
    const y = Math.min(Math.max(saved.bounds.y, area.y), area.y + area.height - Math.min(height, area.height));
    return { x, y, width, height };
  }
  return null;
}
