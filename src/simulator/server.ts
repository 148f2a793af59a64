import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { AccountBook } from './accounts';
import { answers, type Answer } from './answers';
import { authenticate } from './auth';
import { CallbackSender } from './callback-sender';
import { hugeBody, resetInBody, resetInHeaders, sendAnswer, trickle } from './delivery';
import { FaultSwitch } from './faults';
import { flattenHeaders, isFormContentType, parseForm, readBody } from './request-io';
import { isKnownPath, route, type RouteContext } from './routes';
import { SessionStore } from './sessions';
import type { DeliveredCallback, Fault, RecordedRequest, Simulator, SimulatorOptions, SimulatorProgress } from './types';

export const DEFAULT_PROGRESS: SimulatorProgress = { ringingMs: 3000, answeredMs: 8000 };
/** [src: Yunxin 接口概述] a CheckSum is valid for 5 minutes. */
export const DEFAULT_VALIDITY_MS = 300_000;
const HUGE_BODY_BYTES = 10 * 1024 * 1024;
const DEFAULT_TRICKLE_MS = 100;
const LOOPBACK = '127.0.0.1';
/** Requests kept by a standalone simulator (tests, `npm run simulator`) unless told otherwise. */
export const DEFAULT_RECORDED = 1000;

/** Faults that replace processing altogether: the backend never saw the request. */
function replacementAnswer(fault: Fault): Answer | undefined {
  switch (fault.kind) {
    case 'http502':
      return answers.gateway502();
    case 'http503':
      return answers.gateway503();
    case 'bad_json':
      return answers.badJson();
    case 'no_session':
      return answers.noSession();
    case 'code':
      return answers.forcedCode(fault.code, fault);
    default:
      return undefined;
  }
}

export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const host: string = options.host ?? LOOPBACK;
  // Sandbox credentials are public and the server answers anyone: never listen beyond loopback.
  if (host !== LOOPBACK) throw new Error(`simulator binds only ${LOOPBACK}, refused host '${host}'`);

  const now = options.now ?? Date.now;
  const progress = options.progress ?? DEFAULT_PROGRESS;
  const validityMs = options.validityMs ?? DEFAULT_VALIDITY_MS;
  const accounts = new AccountBook(options.accounts);
  const sessions = new SessionStore();
  const faults = new FaultSwitch();
  const requests: RecordedRequest[] = [];
  // A ring: only the newest `record` requests are kept (none unless asked), so a flood of
  // requests cannot grow the process that hosts the simulator (main, in sandbox mode).
  const record = Math.max(0, options.record ?? DEFAULT_RECORDED);
  let seq = 0;
  const callbacks: DeliveredCallback[] = [];
  const sender = options.callbackUrl ? new CallbackSender(options.callbackUrl, progress, now, callbacks) : undefined;
  const sockets = new Set<Socket>();

  const ctx: RouteContext = {
    sessions,
    progress,
    now,
    onSessionCreated: (session, account) => sender?.schedule(session, account.appSecret),
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = now();
    // The signature is in the headers: check it before holding a byte of the body, and keep
    // nothing of a request that fails it but the fact that it came.
    const auth = authenticate(req.headers, accounts, now(), validityMs);
    const { text: rawBody, tooLarge } = await readBody(req, auth.signatureValid);
    const path = new URL(req.url ?? '/', 'http://simulator').pathname;
    const params = parseForm(rawBody);
    const fault = faults.take(path);

    const hugeBytes = fault?.kind === 'huge_body' ? (fault.bytes ?? HUGE_BODY_BYTES) : 0;
    const processNormally = (): Answer => {
      if (!isKnownPath(path)) return answers.notFound();
      // [doc] the real server's HTTP 400 for a request whose shape does not fit the URL.
      if (req.method !== 'POST' || tooLarge || !isFormContentType(req.headers['content-type'])) return answers.httpBadRequest();
      if (!auth.ok) return auth.answer;
      return route(path, params, auth.account, ctx);
    };
    const answer: Answer =
      fault?.kind === 'huge_body'
        ? { httpStatus: 200, contentType: 'application/json;charset=utf-8', body: `<${hugeBytes} bytes streamed>`, code: 200 }
        : ((fault && replacementAnswer(fault)) ?? processNormally());

    seq++;
    if (record > 0) {
      requests.push({
        seq,
        method: req.method ?? '',
        path,
        headers: auth.signatureValid ? flattenHeaders(req.headers) : {},
        params,
        rawBody,
        signatureValid: auth.signatureValid,
        answer: { httpStatus: answer.httpStatus, code: answer.code, body: answer.body },
        fault: fault?.kind,
        receivedAt,
      });
      if (requests.length > record) requests.splice(0, requests.length - record);
    }

    const dateMs = now();
    switch (fault?.kind) {
      case 'hang':
        return; // the socket stays open until the client gives up or close() destroys it
      case 'reset':
        return fault.at === 'headers' ? resetInHeaders(res, dateMs) : resetInBody(res, answer, dateMs);
      case 'trickle':
        return trickle(res, answer, dateMs, fault.intervalMs ?? DEFAULT_TRICKLE_MS);
      case 'huge_body':
        return hugeBody(res, dateMs, hugeBytes, fault.withLength ?? false);
      default:
        return sendAnswer(res, answer, dateMs);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // A client that vanished mid-request is not the simulator's problem; never crash the host process.
      if (!res.headersSent && !res.destroyed) sendAnswer(res, { httpStatus: 500, contentType: 'text/plain', body: 'simulator error' }, now());
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('simulator: no TCP address');
  const port = address.port;

  return {
    url: `http://${LOOPBACK}:${port}`,
    port,
    requests,
    callbacks,
    faults: { set: (fault) => faults.set(fault) },
    addAccount: (account) => accounts.add(account),
    reset: () => {
      requests.length = 0;
      seq = 0;
      callbacks.length = 0;
      sessions.clear();
      faults.set(null);
      sender?.cancelAll();
      accounts.restore();
    },
    close: async () => {
      sender?.cancelAll();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
