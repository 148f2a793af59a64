/**
 * "Undo last import" in the application menu: enabled exactly while main keeps an undoable import,
 * greyed out by a timer at its deadline, and running the window's own undo. The Electron side only
 * redraws (tests/unit/desktop/electron-adapters.test.ts); main's event: tests/unit/core/import-undo-menu.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { ImportUndoResponse, LastImport } from '../../../src/shared/contract';
import { createImportUndoMenu, undoImportAvailability } from '../../../src/main/desktop/import-undo-menu';
import { applicationMenu } from '../../../src/main/desktop/menu-model';

const HOUR = 3_600_000;
const T0 = 1_800_000_000_000;
const counts = { added: 2, merged: 0, replaced: 0, skipped: 0, failed: 0 };
const last = (at: number): LastImport => ({ at, undoUntil: at + HOUR, counts });

describe('undo availability', () => {
  it.each([
    ['no import', null, T0, { enabled: false, until: null }],
    ['an import a minute ago', last(T0 - 60_000), T0, { enabled: true, until: T0 - 60_000 + HOUR }],
    ['one millisecond before the hour is over', last(T0 - HOUR + 1), T0, { enabled: true, until: T0 + 1 }],
    ['exactly an hour ago', last(T0 - HOUR), T0, { enabled: false, until: null }],
    ['two hours ago', last(T0 - 2 * HOUR), T0, { enabled: false, until: null }],
  ])('%s', (_name, record, now, expected) => {
    expect(undoImportAvailability(record, now)).toEqual(expected);
  });
});

/** A controllable world: main's record, a clock and timers the test fires. */
function world() {
  let now = T0;
  let record: LastImport | null = null;
  const timers: Array<{ at: number; run: () => void; cancelled: boolean }> = [];
  const changes: boolean[] = [];
  const undone: ImportUndoResponse[] = [];
  const menu = createImportUndoMenu({
    lastImport: async () => (record && record.undoUntil > now ? record : null),
    undo: async () => {
      const r: ImportUndoResponse =
        record && record.undoUntil > now ? { ok: true, removed: 2, restored: 0 } : { ok: false, code: 'invalid_input', message: 'gone' };
      record = null;
      undone.push(r);
      return r;
    },
    now: () => now,
    setTimer: (run, ms) => {
      const timer = { at: now + ms, run, cancelled: false };
      timers.push(timer);
      return () => void (timer.cancelled = true);
    },
    onAvailability: (enabled) => changes.push(enabled),
  });
  return {
    menu,
    changes,
    undone,
    imported: () => void (record = last(now)),
    pending: () => timers.filter((t) => !t.cancelled),
    /** Moves the clock and fires the timers that are due. */
    advance: async (ms: number) => {
      now += ms;
      for (const t of timers.filter((t) => !t.cancelled && t.at <= now)) {
        t.cancelled = true;
        t.run();
      }
      await Promise.resolve();
      await Promise.resolve();
    },
  };
}

describe('the menu item', () => {
  it('is disabled with nothing to undo, enabled after an import, and greys out by itself when the hour is over', async () => {
    const w = world();
    await w.menu.refresh();
    expect(w.menu.enabled()).toBe(false);
    expect(w.changes).toEqual([false]);
    expect(w.pending()).toHaveLength(0);

    w.imported();
    await w.menu.refresh();
    expect(w.menu.enabled()).toBe(true);
    expect(w.pending().map((t) => t.at)).toEqual([T0 + HOUR]);

    await w.advance(HOUR - 1);
    expect(w.menu.enabled()).toBe(true);
    await w.advance(1);
    expect(w.menu.enabled()).toBe(false);
    expect(w.changes).toEqual([false, true, false]);
    expect(w.pending()).toHaveLength(0);
  });

  it("runs the undo once, then is disabled; a second run gets main's refusal, not a second undo", async () => {
    const w = world();
    w.imported();
    await w.menu.refresh();
    expect(await w.menu.run()).toEqual({ ok: true, removed: 2, restored: 0 });
    expect(w.menu.enabled()).toBe(false);
    expect(await w.menu.run()).toMatchObject({ ok: false });
    expect(w.undone.filter((r) => r.ok)).toHaveLength(1);
    // Re-enabling after the undo would offer an undo that no longer exists.
    expect(w.changes).toEqual([true, false]);
  });

  it('an older answer arriving after a newer one does not win', async () => {
    let answer!: (r: LastImport | null) => void;
    const answers: Array<(r: LastImport | null) => void> = [];
    const changes: boolean[] = [];
    const menu = createImportUndoMenu({
      lastImport: () => new Promise((resolve) => answers.push((answer = resolve))),
      undo: async () => ({ ok: true, removed: 0, restored: 0 }),
      now: () => T0,
      setTimer: () => () => undefined,
      onAvailability: (enabled) => changes.push(enabled),
    });
    const first = menu.refresh();
    const second = menu.refresh();
    answer(null); // the newer refresh: nothing to undo (it was just undone)
    answers[0](last(T0 - 1000)); // the older one, still seeing the import
    await Promise.all([first, second]);
    expect(menu.enabled()).toBe(false);
    expect(changes).toEqual([false]);
  });

  it('is in the File menu, greyed out or enabled as told, in the UI language', () => {
    const item = (lang: 'zh-CN' | 'en', undoImport: boolean) =>
      applicationMenu(lang, { undoImport })[0].entries.find((e) => e.kind === 'command' && e.command === 'undo-last-import');
    expect(item('zh-CN', false)).toMatchObject({ label: '撤销上次导入', enabled: false });
    expect(item('en', true)).toMatchObject({ label: 'Undo last import', enabled: true });
  });
});
