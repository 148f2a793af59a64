/**
 * Public types of the sandbox simulator. Kept apart from the server so that tests, the app's
 * sandbox mode and benchmarks can name them without pulling in node:http.
 */

export interface SimulatorAccount {
  appKey: string;
  appSecret: string;
  /** Registered Yunxin accids; matched case-insensitively because the real server lower-cases them. */
  accids: string[];
}

/** How a simulated session unfolds in time (milliseconds). */
export interface SimulatorProgress {
  /** Time from acceptance until the phones are answered. */
  ringingMs: number;
  /** Time answered before everyone hangs up (capped by the request's maxDur). */
  answeredMs: number;
}

export interface SimulatorOptions {
  accounts: SimulatorAccount[];
  /** Only '127.0.0.1' is accepted: the simulator must never be reachable from the network. */
  host?: '127.0.0.1';
  /** 0 (the default) picks a free port. */
  port?: number;
  progress?: SimulatorProgress;
  /** Where to POST the end-of-call bill (eventType 10), as Yunxin's 抄送 does. */
  callbackUrl?: string;
  /** The server clock in ms; inject one to simulate clock skew or to step sessions through time. */
  now?: () => number;
  /** How far CurTime may be from the server clock, either way (ms). */
  validityMs?: number;
  /**
   * How many recent requests `requests` keeps (a ring). Default 1000 for a standalone simulator;
   * the sandbox inside the app passes 0 unless a test asks.
   */
  record?: number;
}

export type FaultKind = 'hang' | 'reset' | 'trickle' | 'http502' | 'http503' | 'bad_json' | 'no_session' | 'huge_body' | 'code';

/**
 * A scripted failure. Scope: every path unless `path` names one (e.g. '/call/ecp/startcall.action').
 * Duration: until `faults.set(null)` unless `times` limits it to the next N matching requests.
 *
 * 'hang', 'reset' and 'trickle' sabotage only the *delivery*: the request is processed first, so a
 * valid startcall really creates a session the client never hears about — the case that must not
 * lead to an automatic retry. All other kinds answer instead of processing (nothing is created).
 */
export type Fault = FaultScope &
  (
    | { kind: 'hang' }
    /** 'headers': the socket dies inside the status line/headers; 'body' (default): after half the body. */
    | { kind: 'reset'; at?: 'headers' | 'body' }
    /** One byte of the real answer every `intervalMs` (default 100). */
    | { kind: 'trickle'; intervalMs?: number }
    | { kind: 'http502' }
    | { kind: 'http503' }
    | { kind: 'bad_json' }
    | { kind: 'no_session' }
    /** A valid but enormous JSON answer, streamed chunked (no Content-Length) unless `withLength`. */
    | { kind: 'huge_body'; bytes?: number; withLength?: boolean }
    /** HTTP 200 with `{"code":code,"desc":desc}` (or `msg` when given instead). */
    | { kind: 'code'; code: number; desc?: string; msg?: string }
  );

export interface FaultScope {
  path?: string;
  times?: number;
}

export interface RecordedAnswer {
  httpStatus: number;
  /** The Yunxin `code` of a JSON answer; absent for HTML/malformed answers. */
  code?: number;
  body: string;
}

export interface RecordedRequest {
  /** 1-based arrival order since start or the last reset(). */
  seq: number;
  method: string;
  path: string;
  /** Header names lower-cased, as node:http gives them. */
  headers: Record<string, string>;
  /** The form body, decoded (first value wins for a repeated key). */
  params: Record<string, string>;
  rawBody: string;
  /** CheckSum matches sha1(AppSecret + Nonce + CurTime) for a known AppKey, whatever CurTime's age. */
  signatureValid: boolean;
  /** The answer the server produced; under 'hang'/'reset'/'trickle' it may never have arrived. */
  answer: RecordedAnswer;
  /** The fault that shaped this answer, if any. */
  fault?: FaultKind;
  /** Server clock (`now()`) on arrival. */
  receivedAt: number;
}

export interface DeliveredCallback {
  session: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  /** HTTP status of the receiver's answer; absent when the POST failed. */
  status?: number;
  error?: string;
}

export interface SimulatorFaults {
  set(fault: Fault | null): void;
}

export interface Simulator {
  /** e.g. 'http://127.0.0.1:40123' — use as the client's base URL. */
  url: string;
  port: number;
  /** Ends hanging/trickling answers, pending callbacks and every socket, then stops listening. */
  close(): Promise<void>;
  /** The newest requests (at most `record` of them), oldest first; unsigned ones without headers or body. */
  requests: RecordedRequest[];
  /** End-of-call bills POSTed to callbackUrl (only when one was given). */
  callbacks: DeliveredCallback[];
  faults: SimulatorFaults;
  /** Forgets requests, sessions, callbacks and the fault; restores the accounts given at start. */
  reset(): void;
  /** Adds an app, or more accids to an existing one (the secret is replaced). */
  addAccount(account: SimulatorAccount): void;
}
