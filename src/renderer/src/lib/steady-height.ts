/**
 * When the call strip may take the height its content asks for. The strip sits at the bottom of
 * the window: growing covers the bottom rows of the list, shrinking moves its own buttons down,
 * and either way whatever was under the pointer in the band between the strip's highest top and
 * the window's bottom is no longer what the dispatcher aimed at. So the change waits while the
 * pointer is in that band, and happens as soon as the pointer is elsewhere (or out of the window).
 */
export interface SteadyHeightFacts {
  /** The height the strip has on screen now (layout px, inside any zoom). */
  granted: number;
  /** The height its content asks for (layout px). */
  natural: number;
  /** The pointer's clientY, or null when it is outside the window or has not been seen. */
  pointerY: number | null;
  /** The strip's bottom edge in client px. */
  bottom: number;
  /** Client px per layout px (the large-text mode zooms the whole app). */
  scale: number;
}

/** True when the strip may take its natural height now. */
export function mayResize({ granted, natural, pointerY, bottom, scale }: SteadyHeightFacts): boolean {
  if (natural === granted) return false;
  if (pointerY === null) return true;
  const bandTop = bottom - Math.max(granted, natural) * scale;
  return pointerY < bandTop;
}
