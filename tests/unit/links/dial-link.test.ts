import { describe, expect, it } from 'vitest';
import { dialLinksFromArgv, MAX_LINKS_PER_LAUNCH } from '../../../src/main/links/argv';
import { parseDialLink } from '../../../src/main/links/dial-link';
import { createDialRequests, type DialRequest } from '../../../src/main/links/dial-requests';

describe('parseDialLink', () => {
  it.each([
    ['tel:13900139000', 'tel', '13900139000'],
    ['TEL:+86-139-0013-9000', 'tel', '+86-139-0013-9000'],
    ['tel:010-6552-9988;ext=12;phone-context=example.com', 'tel', '010-6552-9988'],
    ['tel:%2B86%20139%200013%209000', 'tel', '+86 139 0013 9000'],
    ['callto:13900139000', 'callto', '13900139000'],
    ['callto://+8613900139000/', 'callto', '+8613900139000'],
    ['callto://13900139000?call', 'callto', '13900139000'],
    ['dispatchdesk://dial/13900139000', 'dispatchdesk', '13900139000'],
    ['dispatchdesk://dial?number=%2B86%20139%200013%209000', 'dispatchdesk', '+86 139 0013 9000'],
    ['dispatchdesk:13900139000', 'dispatchdesk', '13900139000'],
    ['  tel:13900139000  ', 'tel', '13900139000'],
  ])('%s → %s %s', (link, scheme, numberText) => {
    expect(parseDialLink(link)).toEqual({ ok: true, scheme, numberText });
  });

  it.each([
    ['https://example.com/tel:139', 'not_a_link'],
    ['mailto:a@b.c', 'not_a_link'],
    ['tel:', 'no_number'],
    ['dispatchdesk://dial?other=1', 'no_number'],
    ['tel:%E5%9B', 'bad_encoding'],
    [`tel:${'1'.repeat(600)}`, 'too_long'],
  ])('%s is refused (%s)', (link, reason) => {
    expect(parseDialLink(link)).toEqual({ ok: false, reason });
  });
});

describe('dialLinksFromArgv', () => {
  it('finds the link Windows passes, among Chromium switches, quoted or not', () => {
    expect(dialLinksFromArgv(['C:\\Apps\\Dispatch Desk.exe', '--allow-file-access-from-files', 'tel:13900139000'])).toEqual(['tel:13900139000']);
    expect(dialLinksFromArgv(['/opt/dd/dispatch-desk', '"callto:010 6552 9988"', '--no-sandbox'])).toEqual(['callto:010 6552 9988']);
  });

  it('ignores the executable, the app path, switches and anything else', () => {
    expect(dialLinksFromArgv(['tel:1', '.', '--tel:13900139000', 'C:\\tel:139', 'https://x'])).toEqual([]);
  });

  it('takes at most a few links from one launch', () => {
    const argv = ['exe', ...Array.from({ length: 20 }, (_, i) => `tel:1390013900${i % 10}`)];
    expect(dialLinksFromArgv(argv)).toHaveLength(MAX_LINKS_PER_LAUNCH);
  });
});

describe('createDialRequests', () => {
  const collect = () => {
    const delivered: DialRequest[] = [];
    return { delivered, requests: createDialRequests((r) => delivered.push(r)) };
  };

  it('a link becomes one request with the normalised number', () => {
    const { delivered, requests } = collect();
    requests.fromLink('tel:+86 (0)10 6552-9988');
    expect(delivered).toEqual([{ source: 'link', phone: { ok: true, number: '01065529988', kind: 'fixed' } }]);
  });

  it('a bad number or a broken link is delivered as the normal phone error, so the window can say why', () => {
    const { delivered, requests } = collect();
    requests.fromLink('tel:+1 415 555 0100');
    requests.fromLink('tel:');
    expect(delivered.map((r) => r.phone)).toEqual([
      { ok: false, reason: 'foreign', input: '+1 415 555 0100' },
      { ok: false, reason: 'empty', input: 'tel:' },
    ]);
  });

  it('clipboard text may be a number, a copied link, or a cell with a label under it', () => {
    const { delivered, requests } = collect();
    requests.fromText('  139 0013 9000 ', 'hotkey');
    requests.fromText('tel:13900139001', 'hotkey');
    requests.fromText('139-0013-9002\n张三', 'tray');
    requests.fromText('', 'hotkey');
    expect(delivered.map((r) => [r.source, r.phone.ok ? r.phone.number : r.phone.reason])).toEqual([
      ['hotkey', '13900139000'],
      ['hotkey', '13900139001'],
      ['tray', '13900139002'],
      ['hotkey', 'empty'],
    ]);
  });
});
