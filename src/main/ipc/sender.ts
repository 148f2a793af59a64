/**
 * Who may call an operation: only the main frame of one of the app's own windows, showing the
 * app's own page. A sub-frame, another window or a page that navigated elsewhere is refused.
 * Kept free of Electron types so it can be tested with plain objects.
 */

export interface SenderVerdict {
  trusted: boolean;
  reason?: string;
}

/** The parts of an IpcMainInvokeEvent we look at. */
export interface IpcSenderLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

export interface TrustPolicy {
  /** webContents ids of the app's own windows. */
  isAppWebContents(id: number): boolean;
  /** The app page: app://desk/index.html, or the dev server origin. */
  isAppUrl(url: string): boolean;
}

export function checkSender(event: IpcSenderLike, policy: TrustPolicy): SenderVerdict {
  if (!policy.isAppWebContents(event.sender.id)) return { trusted: false, reason: 'unknown webContents' };
  const frame = event.senderFrame;
  if (!frame) return { trusted: false, reason: 'frame gone' };
  if (frame.parent !== null) return { trusted: false, reason: 'not the main frame' };
  if (!policy.isAppUrl(frame.url)) return { trusted: false, reason: 'unexpected URL' };
  return { trusted: true };
}

/**
 * The app page check: the same page for the app:// scheme (non-special schemes have an opaque
 * origin in WHATWG URLs, so host and path are compared), same file for file://, same origin for
 * the dev server. Query and hash are ignored (the renderer may use them), everything else must
 * match exactly.
 */
export function appUrlMatcher(appUrl: string): (url: string) => boolean {
  const expected = new URL(appUrl);
  return (candidate: string) => {
    let actual: URL;
    try {
      actual = new URL(candidate);
    } catch {
      return false;
    }
    if (expected.protocol === 'app:') {
      return (
        actual.protocol === 'app:' && actual.host === expected.host && actual.pathname === expected.pathname && actual.username === '' && actual.password === ''
      );
    }
    if (expected.protocol === 'file:') return actual.protocol === 'file:' && actual.pathname === expected.pathname;
    return actual.origin === expected.origin;
  };
}
