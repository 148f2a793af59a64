// @vitest-environment jsdom
/**
 * The settings form against main's rules (src/main/settings/settings-service.ts validates with
 * validateCallerAcc, validateMaxDurRange and validateMaxDur from src/shared/validation.ts, after
 * the settingsSet request schema): the bounds the form offers are exactly the ones main accepts,
 * and what the form sends passes main's checks unchanged.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestSchemas } from '../../../../src/shared/contract-schemas';
import type { Settings } from '../../../../src/shared/domain';
import { validateCallerAcc, validateMaxDur, validateMaxDurRange } from '../../../../src/shared/validation';
import { SettingsPanel } from '../../../../src/renderer/src/features/settings/SettingsPanel';
import { useAppStore } from '../../../../src/renderer/src/state/app-store';
import { installRecordingDispatch, type RecordedCall } from './recording-dispatch';

const settings: Settings = {
  callerAcc: 'disp01',
  callerNumber: '13900139000',
  defaultMaxDur: 600,
  confPerPersonSec: 600,
  maxDurMin: 30,
  maxDurMax: 3600,
  mode: 'sandbox',
  language: 'en',
  baseUrl: 'https://api.netease.im',
};

let calls: RecordedCall[];

function showForm(with_: Partial<Settings> = {}) {
  const current = { ...settings, ...with_ };
  calls = installRecordingDispatch({
    settingsSet: (patch) => ({ ok: true, settings: { ...current, ...patch } as Settings }),
    accountStatus: () => ({ ok: true, account: { configured: false, mode: current.mode } as never }),
  });
  useAppStore.setState({ settings: current, account: null, loadError: null });
  render(<SettingsPanel />);
  return current;
}

afterEach(cleanup);
beforeEach(() => {
  calls = [];
});

const input = (id: string) => screen.getByTestId(id) as HTMLInputElement;

/** Main's check for defaultMaxDur, as settings-service runs it. */
const mainAcceptsMaxDur = (v: number, s: Settings) => validateMaxDur(v, { min: s.maxDurMin, max: s.maxDurMax }) === null;

describe('settings form bounds equal main’s validation', () => {
  it.each([
    { maxDurMin: 30, maxDurMax: 3600 },
    { maxDurMin: 60, maxDurMax: 1200 },
  ])('maxDur: min and max of the field are the first and last value main accepts ($maxDurMin…$maxDurMax)', (range) => {
    const s = showForm(range);
    const field = input('settings-max-dur');
    const min = Number(field.min);
    const max = Number(field.max);
    expect(mainAcceptsMaxDur(min, s)).toBe(true);
    expect(mainAcceptsMaxDur(min - 1, s)).toBe(false);
    expect(mainAcceptsMaxDur(max, s)).toBe(true);
    expect(mainAcceptsMaxDur(max + 1, s)).toBe(false);
    // Whole seconds, as main requires.
    expect(field.step).toBe('1');
    expect(mainAcceptsMaxDur(min + 0.5, s)).toBe(false);
  });

  it('callerAcc: the longest text the field takes is the longest main accepts', () => {
    showForm();
    const limit = input('settings-caller-acc').maxLength;
    expect(limit).toBeGreaterThan(0);
    expect(validateCallerAcc('a'.repeat(limit))).toBeNull();
    expect(validateCallerAcc('a'.repeat(limit + 1))).not.toBeNull();
  });
});

describe('what the settings form sends', () => {
  it('passes the settingsSet schema and main’s checks, with the edited values', async () => {
    showForm();
    fireEvent.change(input('settings-caller-acc'), { target: { value: 'disp02' } });
    fireEvent.change(input('settings-caller-number'), { target: { value: '139 0013 9001' } });
    fireEvent.change(input('settings-max-dur'), { target: { value: '900' } });
    fireEvent.change(screen.getByTestId('settings-mode'), { target: { value: 'production' } });
    fireEvent.click(screen.getByTestId('settings-save'));
    await screen.findByTestId('settings-saved');

    const sent = calls.filter((c) => c.name === 'settingsSet').map((c) => c.request as Partial<Settings>);
    expect(sent).toHaveLength(1);
    const [patch] = sent;
    expect(patch).toMatchObject({ callerAcc: 'disp02', callerNumber: '139 0013 9001', defaultMaxDur: 900, mode: 'production' });
    expect(requestSchemas.settingsSet.safeParse(patch).error).toBeUndefined();
    const s = { ...settings, ...patch };
    expect(validateCallerAcc(s.callerAcc)).toBeNull();
    expect(validateMaxDurRange(s.maxDurMin, s.maxDurMax)).toBeNull();
    expect(mainAcceptsMaxDur(s.defaultMaxDur, s)).toBe(true);
  });

  it('every field the form shows is a setting main accepts', async () => {
    showForm();
    const fields = [...document.querySelectorAll<HTMLElement>('[data-testid^="settings-"]')].filter(
      (e) => e instanceof HTMLInputElement || e instanceof HTMLSelectElement,
    );
    // The API address is not among them: it moved to the account form (changed only with the AppSecret).
    expect(fields.length).toBeGreaterThanOrEqual(5);
    expect(document.querySelector('[data-testid="settings-base-url"]')).toBeNull();
    fireEvent.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(calls.some((c) => c.name === 'settingsSet')).toBe(true));
    const patch = calls.find((c) => c.name === 'settingsSet')?.request as Record<string, unknown>;
    // strict(): a key main does not know fails here.
    expect(requestSchemas.settingsSet.safeParse(patch).error).toBeUndefined();
  });
});
