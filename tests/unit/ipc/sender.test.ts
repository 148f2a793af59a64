import { describe, expect, it } from 'vitest';
import { appUrlMatcher, checkSender } from '../../../src/main/ipc/sender';

const appUrl = 'file:///opt/dispatch/resources/app/out/renderer/index.html';
const policy = { isAppWebContents: (id: number) => id === 7, isAppUrl: appUrlMatcher(appUrl) };
const mainFrame = (url: string) => ({ sender: { id: 7 }, senderFrame: { url, parent: null } });

describe('checkSender', () => {
  it('trusts the main frame of the app window on the app page', () => {
    expect(checkSender(mainFrame(appUrl), policy)).toEqual({ trusted: true });
    expect(checkSender(mainFrame(appUrl + '#/settings'), policy).trusted).toBe(true);
  });

  it('refuses another webContents', () => {
    expect(checkSender({ ...mainFrame(appUrl), sender: { id: 8 } }, policy)).toMatchObject({ trusted: false, reason: 'unknown webContents' });
  });

  it('refuses a sub-frame even on the app page', () => {
    expect(checkSender({ sender: { id: 7 }, senderFrame: { url: appUrl, parent: {} } }, policy).trusted).toBe(false);
  });

  it('refuses a frame that is gone', () => {
    expect(checkSender({ sender: { id: 7 }, senderFrame: null }, policy).trusted).toBe(false);
  });

  it.each(['https://evil.example/index.html', 'file:///tmp/evil/index.html', 'file:///opt/dispatch/resources/app/out/renderer/other.html', 'not a url'])(
    'refuses the main frame showing %s',
    (url) => {
      expect(checkSender(mainFrame(url), policy)).toMatchObject({ trusted: false, reason: 'unexpected URL' });
    },
  );

  it('matches a dev server by origin only', () => {
    const dev = appUrlMatcher('http://localhost:5173/');
    expect(dev('http://localhost:5173/index.html')).toBe(true);
    expect(dev('http://localhost:5174/')).toBe(false);
    expect(dev('http://127.0.0.1:5173/')).toBe(false);
  });
});
