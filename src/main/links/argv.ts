/**
 * Which dial links a launch carries. Windows and Linux start the app (or a second instance, whose
 * argv reaches the first through `second-instance`) with the link as an argument; Chromium may add
 * switches before or after it. macOS delivers links through `open-url` instead, never argv.
 */
import { isDialLink } from './dial-link';

/** A launch never carries more; a flood of arguments cannot queue a flood of confirmations. */
export const MAX_LINKS_PER_LAUNCH = 5;

export function dialLinksFromArgv(argv: readonly string[]): string[] {
  const links: string[] = [];
  // argv[0] is the executable; in development argv[1] is the app path. Neither is a link anyway.
  for (const raw of argv.slice(1)) {
    if (typeof raw !== 'string' || raw.startsWith('-')) continue;
    const arg = raw.trim().replace(/^"(.*)"$/, '$1');
    if (isDialLink(arg)) links.push(arg);
    if (links.length === MAX_LINKS_PER_LAUNCH) break;
  }
  return links;
}
