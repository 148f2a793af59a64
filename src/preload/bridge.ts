/** Builds the `window.dispatch` object from the contract; tested without Electron. */
import { channelFor, OPERATION_NAMES, type DispatchApi } from '../shared/contract';

export function buildBridge(invoke: (channel: string, payload: unknown) => Promise<unknown>): DispatchApi {
  const api: Record<string, (payload: unknown) => Promise<unknown>> = {};
  for (const name of OPERATION_NAMES) {
    const channel = channelFor(name);
    // Only the payload crosses: the renderer cannot pick a channel.
    api[name] = (payload: unknown) => invoke(channel, payload);
  }
  return Object.freeze(api) as unknown as DispatchApi;
}
