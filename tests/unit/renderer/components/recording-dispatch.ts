/**
 * A stub `window.dispatch` for component tests in jsdom: records every call and answers from the
 * handlers the test gives (anything else answers a failure, so an unexpected call is visible).
 */
import type { DispatchApi, OperationName } from '../../../../src/shared/contract';

export interface RecordedCall {
  name: OperationName;
  request: unknown;
}

type Handlers = { [K in OperationName]?: (request: Parameters<DispatchApi[K]>[0]) => Awaited<ReturnType<DispatchApi[K]>> };

export function installRecordingDispatch(handlers: Handlers): RecordedCall[] {
  const calls: RecordedCall[] = [];
  const api = new Proxy(
    {},
    {
      get: (_target, name: string) => async (request: unknown) => {
        calls.push({ name: name as OperationName, request });
        const handler = handlers[name as OperationName] as ((r: unknown) => unknown) | undefined;
        return handler ? handler(request) : { ok: false, code: 'internal', message: `${name} is not stubbed in this test` };
      },
    },
  );
  (window as unknown as { dispatch: unknown }).dispatch = api;
  return calls;
}
