import type { Fault } from './types';

/**
 * The one scripted fault in force. A single slot (not a list) keeps tests readable: each test says
 * what goes wrong next, and `set(null)` or `reset()` clears it.
 */
export class FaultSwitch {
  private fault: Fault | null = null;
  private remaining = Infinity;

  set(fault: Fault | null): void {
    this.fault = fault;
    this.remaining = fault?.times ?? Infinity;
  }

  /** The fault for a request to `path`, consuming one use when `times` was given. */
  take(path: string): Fault | null {
    const fault = this.fault;
    if (!fault || (fault.path !== undefined && fault.path !== path)) return null;
    this.remaining -= 1;
    if (this.remaining <= 0) this.fault = null;
    return fault;
  }
}
