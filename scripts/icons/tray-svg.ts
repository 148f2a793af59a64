// Tray icon sources, drawn in a 16-unit grid so they stay crisp at 16 px (1x) and 32 px (2x).
// Colour variants (Windows, Linux) carry the mode in the background colour; the macOS template
// variants are black on transparent (macOS tints them) and carry the state in their shape.

export type TrayIconState = 'sandbox' | 'production' | 'in-call';

export const TRAY_STATES: Record<TrayIconState, { color: string; mark: 'none' | 'ring' | 'signal' }> = {
  // Amber like the window's sandbox badge: calls go to the simulator.
  sandbox: { color: '#b86e00', mark: 'ring' },
  // Green like the production badge: real phones ring.
  production: { color: '#17714a', mark: 'none' },
  // A call or conference is in progress: the signal arcs.
  'in-call': { color: '#1d63d8', mark: 'signal' },
};

const HANDSET = `
    <path d="M4.2 4.4 C 3.8 8, 6.6 11.6, 10.6 11.8" stroke-width="2"/>
    <path d="M3.6 3.9 L 5.6 4.4" stroke-width="2.6"/>
    <path d="M11.1 12.2 L 10.7 10.2" stroke-width="2.6"/>`;

const MARKS = {
  none: '',
  ring: '<circle cx="12" cy="4" r="2.2" stroke-width="1.5"/>',
  signal: '<path d="M9 3 A 4 4 0 0 1 13 7" stroke-width="1.6"/>',
};

export function traySvg(state: TrayIconState, { template }: { template: boolean }): string {
  const { color, mark } = TRAY_STATES[state];
  const ink = template ? '#000000' : '#ffffff';
  const background = template ? '' : `<rect width="16" height="16" rx="3.5" fill="${color}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">
  ${background}
  <g fill="none" stroke="${ink}" stroke-linecap="round" stroke-linejoin="round">${HANDSET}
    ${MARKS[mark]}
  </g>
</svg>
`;
}
