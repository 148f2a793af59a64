/** Electron adapter: one ipcMain handler per contract operation, all through invokeOperation. */
import { ipcMain } from 'electron';
import { channelFor, OPERATION_NAMES } from '../../shared/contract';
import { invokeOperation, type OperationHandlers } from '../ipc/operations';
import { checkSender, type TrustPolicy } from '../ipc/sender';
import type { Logger } from '../log';

export function registerIpc(handlers: OperationHandlers, policy: TrustPolicy, log: Logger): void {
  for (const name of OPERATION_NAMES) {
    ipcMain.handle(channelFor(name), (event, payload: unknown) => invokeOperation(handlers, name, payload, checkSender(event, policy), log));
  }
}
