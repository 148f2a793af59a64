/**
 * What leaves the process over node:http(s), where the Yunxin client's default transport sends
 * its requests. `recordRequests()` lists every request as it starts (node's
 * `http.client.request.start` diagnostics channel), refused ones and unresolvable hosts included,
 * so "exactly one attempt" can be asserted where no server exists to count it.
 * `blockOutsideConnections()` makes every connection to anything but 127.0.0.1 fail before a
 * DNS lookup or a byte goes out (the agents' createConnection, where every new socket is opened),
 * and lists the ones it refused.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { Agent as HttpAgent, type ClientRequest } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

export interface OutgoingLog {
  /** protocol//host[:port]/path of every request started since the call, in order. */
  readonly urls: string[];
  restore(): void;
}

export function recordRequests(): OutgoingLog {
  const urls: string[] = [];
  const onStart = (message: unknown) => {
    const req = (message as { request: ClientRequest }).request;
    urls.push(`${req.protocol}//${String(req.getHeader('host'))}${req.path}`);
  };
  subscribe('http.client.request.start', onStart);
  return { urls, restore: () => void unsubscribe('http.client.request.start', onStart) };
}

type CreateConnection = (options: { host?: string | null; port?: number | string | null }, callback: (err: Error | null) => void) => unknown;

export interface BlockedConnections {
  /** host:port of every connection refused, in order. */
  readonly blocked: string[];
  restore(): void;
}

export function blockOutsideConnections(): BlockedConnections {
  const blocked: string[] = [];
  const protos = [HttpAgent.prototype, HttpsAgent.prototype] as unknown as { createConnection: CreateConnection }[];
  const originals = protos.map((p) => p.createConnection);
  protos.forEach((proto, i) => {
    proto.createConnection = function (this: unknown, options, callback) {
      if (options.host === '127.0.0.1') return originals[i].call(this, options, callback);
      blocked.push(`${String(options.host)}:${String(options.port)}`);
      // As the kernel would refuse it: the request fails with ECONNREFUSED, nothing sent.
      callback(Object.assign(new Error(`connection to ${String(options.host)} blocked by the test`), { code: 'ECONNREFUSED' }));
      return undefined;
    };
  });
  return {
    blocked,
    restore: () => protos.forEach((proto, i) => (proto.createConnection = originals[i])),
  };
}
