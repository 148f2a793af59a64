/** The window's side of the menu's "undo last import" (main's: tests/unit/core/import-undo-menu.test.ts). */
import { beforeEach, describe, expect, it } from 'vitest';
import { handleEvent } from '../../../src/renderer/src/state/events';
import { useImportUndoStore } from '../../../src/renderer/src/state/import-undo-store';
import { useToastStore } from '../../../src/renderer/src/state/toast-store';
import { installFakeDispatch, type FakeDispatch } from './fake-dispatch';

let fake: FakeDispatch;
const counts = { added: 2, merged: 0, replaced: 0, skipped: 0, failed: 0 };

beforeEach(() => {
  fake = installFakeDispatch();
  fake.contactsList.mockResolvedValue({ ok: true, contacts: [], groups: [], revision: 2 } as never);
  for (const t of useToastStore.getState().toasts) useToastStore.getState().dismiss(t.id);
  useImportUndoStore.setState({ last: { at: 1, undoUntil: 2, counts } });
});

const flush = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('importUndone', () => {
  it('shows what was undone, drops the toolbar offer and re-reads the contacts, without undoing again', async () => {
    handleEvent({ type: 'importUndone', data: { result: { ok: true, removed: 2, restored: 1 } } });
    await flush();
    expect(useImportUndoStore.getState().last).toBeNull();
    expect(useToastStore.getState().toasts.at(-1)).toMatchObject({
      tone: 'success',
      message: { key: 'importReview.undone', params: { removed: 2, restored: 1 } },
    });
    expect(fake.contactsImportUndo).not.toHaveBeenCalled();
    expect(fake.contactsList).toHaveBeenCalled();
  });

  it("shows main's refusal in words", async () => {
    const failure = { ok: false as const, code: 'invalid_input' as const, message: { key: 'importPlan.undoExpired' } };
    handleEvent({ type: 'importUndone', data: { result: failure as never } });
    await flush();
    expect(useToastStore.getState().toasts.at(-1)).toMatchObject({ tone: 'error', message: { failure } });
    expect(useImportUndoStore.getState().last).toBeNull();
  });
});
