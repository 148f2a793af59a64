/**
 * The single gathering place for every operation the renderer may request. Electron's ipcMain
 * (src/main/electron/ipc.ts) and the browser preview's HTTP bridge both call `invokeOperation`, so
 * the sender check, the payload validation and the envelope are the same code in both.
 */
import { isOperationName, type OperationName, type RequestOf, type ResponseOf } from '../../shared/contract';
import { requestSchemas } from '../../shared/contract-schemas';
import { msg } from '../../shared/i18n';
import { failWith, failure, type Failure, type Result } from '../../shared/result';
import type { Logger } from '../log';
import type { SenderVerdict } from './sender';

export type OperationHandlers = {
  [K in OperationName]: (request: RequestOf<K>) => Promise<ResponseOf<K>>;
};

const rejectedSender: Failure = failWith('forbidden_sender', msg('ipc.forbiddenSender'));

export async function invokeOperation(handlers: OperationHandlers, name: unknown, payload: unknown, sender: SenderVerdict, log: Logger): Promise<Result> {
  if (!sender.trusted) {
    log.warn('ipc.sender_rejected', { operation: String(name).slice(0, 64), reason: sender.reason });
    return rejectedSender;
  }
  if (!isOperationName(name)) {
    return failWith('invalid_input', msg('ipc.unknownOperation'));
  }
  const parsed = requestSchemas[name].safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.map(String).join('.') : 'request';
    const detail = `${where}: ${issue?.message ?? 'invalid'}`.slice(0, 200);
    return failure('invalid_input', `Invalid ${name} request (${detail}).`, {
      field: where,
      detail: msg('ipc.invalidRequest', { detail }),
    });
  }
  try {
    const handler = handlers[name] as (request: unknown) => Promise<Result>;
    return await handler(parsed.data);
  } catch (error) {
    // Handlers return failures as data; reaching here is a bug. Log the error class and message
    // only: messages built by our code never carry the secret, and the stack stays out of the UI.
    log.error('ipc.handler_threw', { operation: name, error: error instanceof Error ? error.message : String(error) });
    return failWith('internal', msg('ipc.internal'));
  }
}
