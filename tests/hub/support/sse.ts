/** A minimal SSE reader for tests: collects events and waits for conditions (no sleeping). */
import { request, type IncomingMessage } from 'node:http';

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
      let buffer = '';
      let readyResolve: () => void = () => undefined;
      const ready = new Promise<void>((r) => (readyResolve = r));
      const closed = new Promise<void>((r) => res.on('close', () => r()));
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let at: number;
        while ((at = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          if (block.startsWith(': ready')) readyResolve();
          const e: Partial<SseEvent> = {};
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('id: ')) e.id = line.slice(4);
            else if (line.startsWith('event: ')) e.event = line.slice(7);
            else if (line.startsWith('data: ')) data += line.slice(6);
          }
          if (data) {
            events.push({ ...e, data: JSON.parse(data) as Record<string, unknown> });
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
