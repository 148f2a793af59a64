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
import { SettingsTab } from '../../../../src/renderer/src/features/settings/SettingsTab';
import { useSettingsDraftStore } from '../../../../src/renderer/src/features/settings/settings-draft-store';
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
  useAppStore.setState({
    settings: current,
    account: { configured: false, mode: current.mode, backend: 'test', backendSecure: true } as never,
    loadError: null,
  });
  render(<SettingsTab />);
  return current;
}

afterEach(cleanup);
beforeEach(() => {
  calls = [];
  useSettingsDraftStore.setState({
    general: {},
    account: { appKey: '', appSecret: '', baseUrl: null, acceptRisk: false },
    errors: {},
    outcome: null,
    saving: false,
  });
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
    // Each field edited: only what differs from the saved settings is sent.
    for (const field of fields) {
      if (field instanceof HTMLSelectElement) {
        const other = [...field.options].find((o) => o.value !== field.value);
        fireEvent.change(field, { target: { value: other!.value } });
      } else {
        const input = field as HTMLInputElement;
        fireEvent.change(input, { target: { value: input.type === 'number' ? String(Number(input.value) + 1) : `${input.value}1` } });
      }
    }
    fireEvent.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(calls.some((c) => c.name === 'settingsSet')).toBe(true));
    const patch = calls.find((c) => c.name === 'settingsSet')?.request as Record<string, unknown>;
    // strict(): a key main does not know fails here.
    expect(requestSchemas.settingsSet.safeParse(patch).error).toBeUndefined();
  });
});

describe('one Save for the whole page', () => {
  const account = (configured: boolean, mode: Settings['mode']) =>
    ({ configured, mode, backend: 'test', backendSecure: true, appKeyMasked: configured ? 'prod…aa01' : undefined }) as never;

  /** Main as it behaves: accountSave stores the account and switches to production. */
  function mainWithAccount() {
    let saved: Settings = { ...settings, callerAcc: 'sandbox_acc', language: 'zh-CN' };
    let configured = false;
    calls = installRecordingDispatch({
      accountSave: () => {
        configured = true;
        saved = { ...saved, mode: 'production' };
        return { ok: true, account: account(true, 'production') };
      },
      settingsGet: () => ({ ok: true, settings: saved }),
      settingsSet: (patch) => {
        saved = { ...saved, ...(patch as Partial<Settings>) };
        return { ok: true, settings: saved };
      },
      accountStatus: () => ({ ok: true, account: account(configured, saved.mode) }),
    });
    useAppStore.setState({ settings: saved, account: account(false, 'sandbox'), loadError: null });
    render(<SettingsTab />);
    return () => saved;
  }

  it('has exactly one Save button', () => {
    mainWithAccount();
    expect(screen.getAllByRole('button').filter((b) => (b as HTMLButtonElement).type === 'submit')).toHaveLength(1);
  });

  it('saving an account for the first time keeps the accid typed but not saved, and the mode it switched to', async () => {
    const saved = mainWithAccount();
    fireEvent.change(input('settings-caller-acc'), { target: { value: 'ops_desk' } });
    fireEvent.change(input('account-app-key'), { target: { value: 'prodappkey000000000000000000aa01' } });
    fireEvent.change(input('account-app-secret'), { target: { value: 'secret0000' } });
    fireEvent.click(screen.getByTestId('settings-save'));
    await screen.findByTestId('settings-saved');
    expect(calls.map((c) => c.name).filter((n) => n === 'accountSave' || n === 'settingsSet')).toEqual(['accountSave', 'settingsSet']);
    // Only the accid was an edit: the mode main switched to is not sent back as "sandbox".
    expect(calls.find((c) => c.name === 'settingsSet')!.request).toEqual({ callerAcc: 'ops_desk' });
    expect(saved()).toMatchObject({ callerAcc: 'ops_desk', mode: 'production' });
    expect(input('settings-caller-acc').value).toBe('ops_desk');
    // The key is not left in clear text in the field; the saved one shows masked.
    expect(input('account-app-key').value).toBe('');
    expect(input('account-app-key').placeholder).toContain('prod…aa01');
    expect(input('account-app-secret').value).toBe('');
  });

  it('a section that fails keeps its edits and its error; the others are saved', async () => {
    calls = installRecordingDispatch({
      accountSave: () => ({ ok: false, code: 'invalid_input', message: 'AppSecret format', field: 'appSecret' }),
      settingsSet: (patch) => ({ ok: true, settings: { ...settings, ...(patch as Partial<Settings>) } }),
      accountStatus: () => ({ ok: true, account: account(false, 'sandbox') }),
    });
    useAppStore.setState({ settings, account: account(false, 'sandbox'), loadError: null });
    render(<SettingsTab />);
    fireEvent.change(input('settings-max-dur'), { target: { value: '900' } });
    fireEvent.change(input('account-app-key'), { target: { value: 'prodappkey' } });
    fireEvent.change(input('account-app-secret'), { target: { value: 'bad secret' } });
    fireEvent.click(screen.getByTestId('settings-save'));
    await screen.findByTestId('settings-save-failed');
    expect(screen.getByTestId('account-failure')).toBeTruthy();
    expect(input('account-app-key').value).toBe('prodappkey');
    expect(useAppStore.getState().settings?.defaultMaxDur).toBe(900);
  });
});

describe('Test connection tests what the form shows and says which', () => {
  function show(mode: Settings['mode'], configured: boolean) {
    calls = installRecordingDispatch({
      accountCheck: (req) => ({ ok: true, verdict: 'ok', detail: '', target: req.target ?? 'sandbox', server: 'x' }),
    });
    useAppStore.setState({
      settings: { ...settings, mode },
      account: { configured, mode, backend: 'test', backendSecure: true, appKeyMasked: configured ? 'prod…aa01' : undefined } as never,
      loadError: null,
    });
    render(<SettingsTab />);
  }
  const target = () => screen.getByTestId('account-check-target');

  it('sandbox: tests the simulator and never says a real AppKey is valid', async () => {
    show('sandbox', true);
    expect(target().dataset.target).toBe('sandbox');
    fireEvent.click(screen.getByTestId('account-check'));
    const ok = await screen.findByTestId('account-check-ok');
    expect(calls.find((c) => c.name === 'accountCheck')!.request).toEqual({ target: 'sandbox', callerAcc: 'disp01' });
    expect(ok.textContent).toMatch(/does not mean any real AppKey is valid/);
    expect(ok.textContent).not.toMatch(/AppKey, AppSecret and accid .* are valid/);
  });

  it('production, nothing typed: tests the saved account', async () => {
    show('production', true);
    expect(target().textContent).toContain('saved account (prod…aa01');
    fireEvent.click(screen.getByTestId('account-check'));
    await screen.findByTestId('account-check-ok');
    expect(calls.find((c) => c.name === 'accountCheck')!.request).toEqual({ target: 'saved', callerAcc: 'disp01' });
  });

  it('typed values: tests them, with the typed accid and API address, as unsaved input', async () => {
    show('sandbox', false);
    fireEvent.change(input('settings-caller-acc'), { target: { value: 'night_desk' } });
    fireEvent.change(input('account-app-key'), { target: { value: 'typedkey' } });
    fireEvent.change(input('account-app-secret'), { target: { value: 'typedsecret' } });
    fireEvent.change(input('account-base-url'), { target: { value: 'https://api2.netease.im' } });
    expect(target().dataset.target).toBe('unsaved');
    expect(target().textContent).toContain('api2.netease.im');
    fireEvent.click(screen.getByTestId('account-check'));
    await screen.findByTestId('account-check-ok');
    expect(calls.find((c) => c.name === 'accountCheck')!.request).toEqual({
      target: 'unsaved',
      appKey: 'typedkey',
      appSecret: 'typedsecret',
      callerAcc: 'night_desk',
      baseUrl: 'https://api2.netease.im',
    });
    expect(requestSchemas.accountCheck.safeParse(calls.find((c) => c.name === 'accountCheck')!.request).error).toBeUndefined();
  });
});
