/**
 * The hub's event stream (GET /api/events, Server-Sent Events) read with Node's fetch. One
 * connection per call; the reconnecting loop with backoff and Last-Event-ID is in
 * event-stream-loop.ts. Plain Node.
 */
import { classifyNetworkError } from '../../yunxin/transport';

export interface HubEvent {
  id: number;
  type: string;
  data: Record<string, unknown>;
}

export type StreamEnd =
  /** The hub closed the stream (restart, heartbeat found the token revoked) or the connection broke. */
  | { kind: 'ended' }
  /** Could not connect at all. */
  | { kind: 'unreachable'; tls: boolean }
  /** 401: the token is no longer accepted. */
  | { kind: 'unauthorized' }
  /** Another answer than a stream (a proxy's error page, a 5xx). */
  | { kind: 'refused'; status: number }
  | { kind: 'aborted' };

export interface StreamOptions {
  baseUrl: string;
  token: string;
  /** Resume after this id: the hub first replays what was missed. */
  lastEventId?: number;
  fetch?: typeof fetch;
  signal: AbortSignal;
  /** How long to wait for the response headers. */
  connectTimeoutMs?: number;
  /** Headers arrived: the stream is open (catch-up events follow). */
  onOpen(): void;
  onEvent(event: HubEvent): void;
}

/** Parses one SSE block (lines up to a blank line). Comments (`: …`) and retry lines are ignored. */
export function parseBlock(block: string): HubEvent | undefined {
  let id: number | undefined;
  let type = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const at = line.indexOf(':');
    const field = at < 0 ? line : line.slice(0, at);
    const value = at < 0 ? '' : line.slice(at + 1).replace(/^ /, '');
    if (field === 'id' && /^\d{1,15}$/.test(value)) id = Number(value);
    else if (field === 'event') type = value;
    else if (field === 'data') data.push(value);
  }
  if (id === undefined || data.length === 0) return undefined;
  try {
    const parsed: unknown = JSON.parse(data.join('\n'));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    return { id, type, data: parsed as Record<string, unknown> };
  } catch {
    return undefined;
  }
}

export async function readHubEvents(o: StreamOptions): Promise<StreamEnd> {
  const headers: Record<string, string> = { accept: 'text/event-stream', authorization: `Bearer ${o.token}` };
  if (o.lastEventId !== undefined) headers['last-event-id'] = String(o.lastEventId);
  const connect = new AbortController();
  const onAbort = () => connect.abort();
  o.signal.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => connect.abort(), o.connectTimeoutMs ?? 10_000);
  let res: Response;
  try {
    res = await (o.fetch ?? fetch)(`${o.baseUrl}/api/events`, { headers, signal: connect.signal, redirect: 'manual' });
  } catch (err) {
    o.signal.removeEventListener('abort', onAbort);
    if (o.signal.aborted) return { kind: 'aborted' };
    return { kind: 'unreachable', tls: classifyNetworkError(err) === 'tls' };
  } finally {
    clearTimeout(timer);
  }
  try {
    if (res.status === 401) return { kind: 'unauthorized' };
    if (res.status !== 200 || !res.body) return { kind: 'refused', status: res.status };
    o.onOpen();
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { kind: 'ended' };
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      let at: number;
      while ((at = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        const event = parseBlock(block);
        if (event) o.onEvent(event);
      }
      // A hostile or broken server cannot make the desk buffer without end.
      if (buffer.length > 1024 * 1024) return { kind: 'ended' };
    }
  } catch {
    return o.signal.aborted ? { kind: 'aborted' } : { kind: 'ended' };
  } finally {
    o.signal.removeEventListener('abort', onAbort);
    connect.abort();
  }
}
