/** A minimal SSE reader for tests: collects events and waits for conditions (no sleeping). */
import { request, type IncomingMessage } from 'node:http';
import { SseFrameParser } from '../../../src/shared/sse-frames';

export interface SseEvent {
  id?: string;
  event?: string;
  data: Record<string, unknown>;
}

export interface SseClient {
  events: SseEvent[];
  status: number;
  /** Resolves when `predicate` holds over the events received so far (re-checked on each event). */
  until(predicate: (events: SseEvent[]) => boolean, timeoutMs?: number): Promise<SseEvent[]>;
  close(): void;
  closed: Promise<void>;
}

export function openSse(url: string, token: string | undefined, lastEventId?: string): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
    const req = request(url, { headers });
    req.on('error', reject);
    req.on('response', (res: IncomingMessage) => {
      const events: SseEvent[] = [];
      const waiters = new Set<() => void>();
      const parser = new SseFrameParser();
      let readyResolve: () => void = () => undefined;
      const ready = new Promise<void>((r) => (readyResolve = r));
      const closed = new Promise<void>((r) => res.on('close', () => r()));
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        for (const frame of parser.push(chunk)) {
          if (frame.comments.includes('ready')) readyResolve();
          if (frame.data !== undefined) {
            const e: SseEvent = { data: JSON.parse(frame.data) as Record<string, unknown> };
            if (frame.id !== undefined) e.id = frame.id;
            if (frame.event !== undefined) e.event = frame.event;
            events.push(e);
            for (const w of waiters) w();
          }
        }
      });
      const client: SseClient = {
        events,
        status: res.statusCode ?? 0,
        closed,
        until(predicate, timeoutMs = 15_000) {
          return new Promise((ok, fail) => {
            const check = () => {
              if (predicate(events)) {
                waiters.delete(check);
                clearTimeout(timer);
                ok(events);
              }
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`SSE condition not met; got ${JSON.stringify(events)}`));
            }, timeoutMs);
            waiters.add(check);
            check();
          });
        },
        close: () => req.destroy(),
      };
      if (res.statusCode !== 200) {
        res.resume();
        resolve(client);
        return;
      }
      void ready.then(() => resolve(client));
    });
    req.end();
  });
}
