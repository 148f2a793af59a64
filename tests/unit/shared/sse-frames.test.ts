import { describe, expect, it } from 'vitest';
import { formatSseFrame, SseFrameParser } from '../../../src/shared/sse-frames';

describe('SSE frames', () => {
  it('reads what the hub writes, whatever the chunking', () => {
    const wire =
      'retry: 3000\n\n' +
      formatSseFrame({ id: 7, event: 'bill', data: JSON.stringify({ id: 7, session: 's1' }) }) +
      ': ready\n\n' +
      formatSseFrame({ id: 8, event: 'directory', data: 'line one\nline two' });
    for (const size of [1, 2, 3, 7, wire.length]) {
      const parser = new SseFrameParser();
      const frames = [];
      for (let i = 0; i < wire.length; i += size) frames.push(...parser.push(wire.slice(i, i + size)));
      expect(frames).toEqual([
        { comments: [], retry: 3000 },
        { comments: [], id: '7', event: 'bill', data: '{"id":7,"session":"s1"}' },
        { comments: ['ready'] },
        { comments: [], id: '8', event: 'directory', data: 'line one\nline two' },
      ]);
    }
  });

  it('accepts CRLF and CR line breaks, split across chunks, and fields without a space', () => {
    const parser = new SseFrameParser();
    const frames = [...parser.push('id:1\r'), ...parser.push('\nevent:call\rdata:x\r\n\r'), ...parser.push('\n')];
    expect(frames).toEqual([{ comments: [], id: '1', event: 'call', data: 'x' }]);
  });

  it('keeps an unfinished frame until its blank line arrives', () => {
    const parser = new SseFrameParser();
    expect(parser.push('id: 3\ndata: {"a":1}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ comments: [], id: '3', data: '{"a":1}' }]);
  });

  it('a line break in an id or event name cannot inject a field', () => {
    const parser = new SseFrameParser();
    const frames = parser.push(formatSseFrame({ id: '1\ndata: forged', event: 'x\nid: 9', data: 'ok' }));
    expect(frames).toEqual([{ comments: [], id: '1data: forged', event: 'xid: 9', data: 'ok' }]);
  });
});
