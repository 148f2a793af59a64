/** The renderer's side of a clicked notification (main's: tests/unit/core/focus-log-entry.test.ts). */
import { describe, expect, it } from 'vitest';
import { handleEvent } from '../../../src/renderer/src/state/events';
import { useAppStore } from '../../../src/renderer/src/state/app-store';
import { useLogFocusStore } from '../../../src/renderer/src/state/log-focus-store';

describe('logEntryFocusRequested', () => {
  it('renderer: the event shows the log tab and asks for the entry, each request counted', () => {
    useAppStore.setState({ tab: 'contacts' });
    const before = useLogFocusStore.getState().seq;
    handleEvent({ type: 'logEntryFocusRequested', data: { entryId: 'e42' } });
    expect(useAppStore.getState().tab).toBe('log');
    expect(useLogFocusStore.getState()).toMatchObject({ entryId: 'e42', seq: before + 1 });
    handleEvent({ type: 'logEntryFocusRequested', data: { entryId: 'e42' } });
    expect(useLogFocusStore.getState().seq).toBe(before + 2);
  });
});
