import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Answer } from './answers';

/**
 * Ways of putting an answer on the wire: normally, or sabotaged for the hardening tests. Every
 * response carries a Date from the simulator's clock (node's automatic one would show the host's
 * real time), because the client reads it to detect clock skew.
 */
type Response = ServerResponse<IncomingMessage>;

function baseHeaders(answer: Answer, dateMs: number): Record<string, string> {
  return { Date: new Date(dateMs).toUTCString(), Server: 'nginx', 'Content-Type': answer.contentType };
}

export function sendAnswer(res: Response, answer: Answer, dateMs: number): void {
  const body = Buffer.from(answer.body, 'utf8');
  res.sendDate = false;
  res.writeHead(answer.httpStatus, { ...baseHeaders(answer, dateMs), 'Content-Length': String(body.length) });
  res.end(body);
}

/** Kill the connection with a TCP RST once the partial bytes are flushed, so the client sees ECONNRESET. */
function resetAfter(res: Response, write: (done: () => void) => void): void {
  const socket = res.socket;
  if (!socket) return;
  write(() => socket.resetAndDestroy());
}

/** The socket dies inside the header block: the client never gets a complete response head. */
export function resetInHeaders(res: Response, dateMs: number): void {
  const socket = res.socket;
  if (!socket) return;
  const partial = `HTTP/1.1 200 OK\r\nDate: ${new Date(dateMs).toUTCString()}\r\nContent-Type: appl`;
  resetAfter(res, (done) => socket.write(partial, done));
}

/** Full headers promising the whole body, then half of it, then the socket dies. */
export function resetInBody(res: Response, answer: Answer, dateMs: number): void {
  const body = Buffer.from(answer.body, 'utf8');
  res.sendDate = false;
  res.writeHead(answer.httpStatus, { ...baseHeaders(answer, dateMs), 'Content-Length': String(body.length) });
  resetAfter(res, (done) => res.write(body.subarray(0, Math.floor(body.length / 2)), () => done()));
}

/** The real answer, one byte per interval: defeats a client that only times out the response head. */
export function trickle(res: Response, answer: Answer, dateMs: number, intervalMs: number): void {
  const body = Buffer.from(answer.body, 'utf8');
  res.sendDate = false;
  res.writeHead(answer.httpStatus, { ...baseHeaders(answer, dateMs), 'Content-Length': String(body.length) });
  res.flushHeaders();
  let sent = 0;
  const timer = setInterval(() => {
    if (sent >= body.length) {
      clearInterval(timer);
      res.end();
      return;
    }
    res.write(body.subarray(sent, sent + 1));
    sent += 1;
  }, intervalMs);
  // Ends with the socket (client abort or simulator close), so no interval outlives its request.
  res.on('close', () => clearInterval(timer));
}

/** Enough prefix to be valid JSON that a naive client would happily buffer forever. */
export function hugeBody(res: Response, dateMs: number, totalBytes: number, withLength: boolean): void {
  const head = Buffer.from('{"code":200,"obj":{"session":"00000000-0000-4000-8000-000000000000"},"pad":"');
  const tail = Buffer.from('"}');
  const padBytes = Math.max(0, totalBytes - head.length - tail.length);
  const chunk = Buffer.alloc(64 * 1024, 'a');
  const headers: Record<string, string> = {
    Date: new Date(dateMs).toUTCString(),
    Server: 'nginx',
    'Content-Type': 'application/json;charset=utf-8',
  };
  if (withLength) headers['Content-Length'] = String(head.length + padBytes + tail.length);
  res.sendDate = false;
  res.writeHead(200, headers);
  res.write(head);
  let left = padBytes;
  // Honour backpressure: 10 MB written at once would sit in memory when the client stops reading.
  const pump = (): void => {
    while (left > 0 && !res.destroyed) {
      const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
      left -= piece.length;
      if (!res.write(piece)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end(tail);
  };
  pump();
}
