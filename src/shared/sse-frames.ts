/**
 * Server-Sent Events on the wire, both ways, per the WHATWG event-stream format: the hub writes
 * frames with `formatSseFrame`; whoever reads a stream without a browser's EventSource (the desk's
 * hub client in main, the hub tests, the hub benchmark) feeds chunks to `SseFrameParser`.
 * Pure string handling, no I/O: usable in main, the hub and Node tests.
 */

export interface SseFrame {
  /** The `id:` field, when the frame had one. */
  id?: string;
  /** The `event:` field; absent means the default type "message". */
  event?: string;
  /** The `data:` lines joined with "\n"; absent when the frame had no data line. */
  data?: string;
  /** Comment lines (`: text`), e.g. the hub's `: ready` and `: keep-alive`. */
  comments: string[];
  /** The `retry:` field in ms, when valid. */
  retry?: number;
}

/** One frame. `data` may span lines; ids and event names may not contain line breaks. */
export function formatSseFrame(frame: { id?: string | number; event?: string; data: string }): string {
  const lines: string[] = [];
  if (frame.id !== undefined) lines.push(`id: ${String(frame.id).replace(/[\r\n]/g, '')}`);
  if (frame.event !== undefined) lines.push(`event: ${frame.event.replace(/[\r\n]/g, '')}`);
  for (const line of frame.data.split(/\r\n|\r|\n/)) lines.push(`data: ${line}`);
  return `${lines.join('\n')}\n\n`;
}

/** Incremental reader: push chunks as they arrive, get the frames they completed. */
export class SseFrameParser {
  private buffer = '';
  private frame: SseFrame = { comments: [] };
  private data: string[] | undefined;
  /** A chunk ended with "\r": a following "\n" belongs to the same line break. */
  private pendingCr = false;

  push(chunk: string): SseFrame[] {
    let text = chunk;
    if (this.pendingCr && text.startsWith('\n')) text = text.slice(1);
    this.pendingCr = text.endsWith('\r');
    this.buffer += text;
    const out: SseFrame[] = [];
    const lines = this.buffer.split(/\r\n|\r|\n/);
    // The last piece has no line break yet (or is "" after a trailing break): keep it.
    this.buffer = lines.pop() ?? '';
    for (const line of lines) {
      const done = this.line(line);
      if (done) out.push(done);
    }
    return out;
  }

  private line(line: string): SseFrame | undefined {
    if (line === '') {
      const f = this.frame;
      if (this.data !== undefined) f.data = this.data.join('\n');
      this.frame = { comments: [] };
      this.data = undefined;
      return f.data !== undefined || f.comments.length > 0 || f.id !== undefined || f.event !== undefined || f.retry !== undefined ? f : undefined;
    }
    if (line.startsWith(':')) {
      this.frame.comments.push(line.slice(1).replace(/^ /, ''));
      return undefined;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') (this.data ??= []).push(value);
    else if (field === 'event') this.frame.event = value;
    else if (field === 'id' && !value.includes('\0')) this.frame.id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.frame.retry = Number(value);
    return undefined;
  }
}
