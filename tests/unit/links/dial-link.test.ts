import { describe, expect, it } from 'vitest';
import { dialLinksFromArgv, MAX_LINKS_PER_LAUNCH } from '../../../src/main/links/argv';
import { parseDialLink } from '../../../src/main/links/dial-link';
import { createDialRequests, type DialRequest } from '../../../src/main/links/dial-requests';

describe('parseDialLink', () => {
  it.each([
    ['tel:13900139000', 'tel', '13900139000'],
    ['TEL:+86-139-0013-9000', 'tel', '+86-139-0013-9000'],
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
    ['tel:010-6552-9988;ext=12;phone-context=example.com', '010-6552-9988', '12'],
    ['tel:010-6552-9988;phone-context=example.com;EXT=0012', '010-6552-9988', '0012'],
    ['tel:010-6552-9988;ext=%EF%BC%91%EF%BC%92', '010-6552-9988', '12'],
  ])('%s: the number %s, ;ext= read as extension %s (RFC 3966)', (link, numberText, extension) => {
    expect(parseDialLink(link)).toEqual({ ok: true, scheme: 'tel', numberText, extension });
  });

  it.each(['tel:010-6552-9988;ext=', 'tel:010-6552-9988;ext=abc', 'tel:010-6552-9988;ext=123456789', 'tel:010-6552-9988;ext=%E5%9B'])(
    '%s: an ;ext= that is no extension is dropped, never dialled',
    (link) => {
      expect(parseDialLink(link)).toEqual({ ok: true, scheme: 'tel', numberText: '010-6552-9988' });
    },
  );

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

  it('a link with an extension gives the main number to dial and the extension apart, however it is written', () => {
    const { delivered, requests } = collect();
    requests.fromLink('tel:010-62234302-396');
    requests.fromLink('tel:0571-88886666%20%E8%BD%AC%20123');
    requests.fromLink('tel:010-6552-9988;ext=12');
    requests.fromLink('callto:010 6552 9988 ext. 12');
    requests.fromLink('dispatchdesk://dial?number=010-6552-9988%20%E5%88%86%E6%9C%BA%2012');
    expect(delivered.map((r) => r.phone)).toEqual([
      { ok: true, number: '01062234302', kind: 'fixed', extension: '396' },
      { ok: true, number: '057188886666', kind: 'fixed', extension: '123' },
      { ok: true, number: '01065529988', kind: 'fixed', extension: '12' },
      { ok: true, number: '01065529988', kind: 'fixed', extension: '12' },
      { ok: true, number: '01065529988', kind: 'fixed', extension: '12' },
    ]);
  });

  it('the hotkey and the tray read a selected number with its extension the same way', () => {
    const { delivered, requests } = collect();
    requests.fromText(' 0571-88886666 转 123 ', 'hotkey');
    requests.fromText('010 6223 4302 x396\n王经理', 'tray');
    requests.fromText('tel:010-62234302-396', 'hotkey');
    expect(delivered).toEqual([
      { source: 'hotkey', phone: { ok: true, number: '057188886666', kind: 'fixed', extension: '123' } },
      { source: 'tray', phone: { ok: true, number: '01062234302', kind: 'fixed', extension: '396' } },
      { source: 'hotkey', phone: { ok: true, number: '01062234302', kind: 'fixed', extension: '396' } },
    ]);
  });

  it('a mobile has no extension: a dash group after one is an error, an ;ext= on one is ignored', () => {
    const { delivered, requests } = collect();
    requests.fromText('138-0013-8000-12', 'hotkey');
    requests.fromLink('tel:13800138000;ext=12');
    expect(delivered.map((r) => r.phone)).toEqual([
      { ok: false, reason: 'too_long', input: '138-0013-8000-12' },
      { ok: true, number: '13800138000', kind: 'mobile' },
    ]);
  });
});
