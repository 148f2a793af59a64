import { describe, expect, it, vi, type Mock } from 'vitest';
import { OPERATION_NAMES } from '../../../src/shared/contract';
import { invokeOperation, type OperationHandlers } from '../../../src/main/ipc/operations';
import { createMemoryLog } from '../../support/memory-log';

function spyHandlers() {
  const handlers: Record<string, Mock> = {};
  for (const name of OPERATION_NAMES) handlers[name] = vi.fn(async (req: unknown) => ({ ok: true, echo: req }));
  return handlers;
}
const asHandlers = (h: Record<string, Mock>) => h as unknown as OperationHandlers;

const trusted = { trusted: true };

describe('invokeOperation', () => {
  it('refuses a foreign sender before looking at the payload', async () => {
    const handlers = spyHandlers();
    const log = createMemoryLog();
    const result = await invokeOperation(asHandlers(handlers), 'startCall', { callee: '13800138000' }, { trusted: false, reason: 'not the main frame' }, log);
    expect(result).toMatchObject({ ok: false, code: 'forbidden_sender' });
    expect(handlers.startCall).not.toHaveBeenCalled();
    expect(log.lines.join('\n')).toContain('not the main frame');
  });

  it('refuses an operation that is not in the contract', async () => {
    const handlers = spyHandlers();
    for (const name of ['invoke', '__proto__', 'constructor', 'toString', 42, null]) {
      const result = await invokeOperation(asHandlers(handlers), name, {}, trusted, createMemoryLog());
      expect(result).toMatchObject({ ok: false, code: 'invalid_input' });
    }
  });

  it.each([
    ['unknown key', 'startCall', { callee: '13800138000', caller: '13900139000' }],
    ['wrong type', 'startCall', { callee: 13800138000 }],
    ['missing field', 'startCall', {}],
    ['not an object', 'startConf', 'callees'],
    ['fractional maxDur', 'startCall', { callee: '13800138000', maxDur: 1.5 }],
    ['huge string', 'startCall', { callee: '1'.repeat(10_000) }],
    ['extra key on an empty request', 'accountStatus', { appSecret: 'x' }],
    ['bad duplicate policy', 'contactsImportApply', { importId: 'abc', duplicate: 3 }],
    ['bad enum', 'settingsSet', { mode: 'root' }],
    ['own __proto__ key', 'accountClear', JSON.parse('{"__proto__":{"polluted":true}}')],
  ])('rejects %s without calling the handler', async (_label, name, payload) => {
    const handlers = spyHandlers();
    const result = await invokeOperation(asHandlers(handlers), name, payload, trusted, createMemoryLog());
    expect(result).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(handlers[name as string]).not.toHaveBeenCalled();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('passes a valid payload to its handler and returns the handler envelope', async () => {
    const handlers = spyHandlers();
    const result = await invokeOperation(asHandlers(handlers), 'startConf', { callees: ['13800138000'], maxDur: 60 }, trusted, createMemoryLog());
    expect(handlers.startConf).toHaveBeenCalledWith({ callees: ['13800138000'], maxDur: 60 });
    expect(result).toEqual({ ok: true, echo: { callees: ['13800138000'], maxDur: 60 } });
  });

  it('turns a thrown error into an internal failure without leaking its details to the renderer', async () => {
    const handlers = spyHandlers();
    handlers.settingsGet.mockRejectedValueOnce(new Error('boom at /home/x with secret-ish detail'));
    const log = createMemoryLog();
    const result = await invokeOperation(asHandlers(handlers), 'settingsGet', {}, trusted, log);
    expect(result).toMatchObject({ ok: false, code: 'internal' });
    expect(JSON.stringify(result)).not.toContain('boom');
    expect(log.lines.join('\n')).toContain('boom');
  });
});
