/**
 * The preview's event transport: main's events as Server-Sent Events on one GET path, for the
 * bridge script's `subscribe`. The caller (server.ts) has already checked the Host; this checks
 * the per-launch token and the Origin exactly as the operations do, then registers the listener
 * BEFORE answering the headers: the bridge holds its operation requests until the headers arrive,
 * so nothing that happens after the window's first request can slip between a read and the
 * subscription (the same guarantee Electron's ordered IPC gives).
 */
import type { ServerResponse } from 'node:http';
import type { AppEvent } from '../../shared/contract';

export const EVENTS_PATH = '/__preview/events';

export type Subscribe = (listener: (event: AppEvent) => void) => () => void;

export function serveEventStream(res: ServerResponse, subscribe: Subscribe, headers: Record<string, string>): void {
  const unsubscribe = subscribe((event) => {
    // JSON has no raw newlines, so one `data:` line carries one event.
    res.write(`data: ${JSON.stringify(event)}\n\n`);
  });
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    unsubscribe();
  };
  // The response's close, not the request's: a request "closes" once its (empty) body is read.
  res.on('close', close);
  res.on('error', close);
  res.writeHead(200, {
    ...headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  // A comment line: sends the headers now, so the bridge knows the subscription is in place.
  res.write(': open\n\n');
}
