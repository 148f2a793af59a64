import { checkSum, md5Hex } from '../yunxin/sign';
import { billAt, sessionEndsAt, type SimSession } from './bill';
import type { DeliveredCallback, SimulatorProgress } from './types';

/**
 * Yunxin's 抄送 headers for a raw body. Written here rather than imported from the client's
 * callback module so the simulator does not depend on the code it is meant to test; the formula is
 * the same as the request CheckSum with MD5 in place of Nonce and CurTime in *milliseconds*.
 */
export function callbackHeaders(appSecret: string, rawBody: string, curTimeMs: number): Record<string, string> {
  const md5 = md5Hex(rawBody);
  const curTime = String(curTimeMs);
  return { 'Content-Type': 'application/json', CurTime: curTime, MD5: md5, CheckSum: checkSum(appSecret, md5, curTime) };
}

/** The eventType-10 body: the bill JSON encoded once more as a string. */
export function callbackBody(session: SimSession, progress: SimulatorProgress): string {
  const bill = billAt(session, progress, sessionEndsAt(session, progress));
  return JSON.stringify({ eventType: '10', callback: JSON.stringify(bill) });
}

/** Give a stuck receiver no more time than Yunxin's console checks allow. */
const POST_TIMEOUT_MS = 5000;

/**
 * One timer per live session, only when a callback URL is configured; close() must leave no timer
 * or request behind, or test runs hang.
 */
export class CallbackSender {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();
  /** Bumped by cancelAll() so a post aborted by reset() does not land in the fresh log. */
  private generation = 0;

  constructor(
    private readonly url: string,
    private readonly progress: SimulatorProgress,
    private readonly now: () => number,
    private readonly log: DeliveredCallback[],
  ) {}

  schedule(session: SimSession, appSecret: string): void {
    const delay = Math.max(0, sessionEndsAt(session, this.progress) - this.now());
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.post(session, appSecret);
    }, delay);
    this.timers.add(timer);
  }

  private async post(session: SimSession, appSecret: string): Promise<void> {
    const generation = this.generation;
    const body = callbackBody(session, this.progress);
    const headers = callbackHeaders(appSecret, body, this.now());
    const entry: DeliveredCallback = { session: session.session, url: this.url, headers, body };
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timeout = setTimeout(() => controller.abort(), POST_TIMEOUT_MS);
    try {
      const res = await fetch(this.url, { method: 'POST', headers, body, signal: controller.signal });
      await res.arrayBuffer();
      entry.status = res.status;
    } catch (err) {
      entry.error = err instanceof Error ? err.message : String(err);
    } finally {
      clearTimeout(timeout);
      this.inFlight.delete(controller);
    }
    if (generation === this.generation) this.log.push(entry);
  }

  cancelAll(): void {
    this.generation += 1;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const controller of this.inFlight) controller.abort();
    this.inFlight.clear();
  }
}
