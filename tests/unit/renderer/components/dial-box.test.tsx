// @vitest-environment jsdom
/**
 * The dial box reads extensions with the contact editor's parser (src/shared/phone-extension.ts):
 * the main number is what is sent, the extension is shown before the call and stays shown after it
 * is placed, so the dispatcher can ask the switchboard for it.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DialBox } from '../../../../src/renderer/src/features/dial/DialBox';
import { useAppStore } from '../../../../src/renderer/src/state/app-store';
import { resetCallGuards, useCallsStore } from '../../../../src/renderer/src/state/calls-store';
import { installRecordingDispatch, type RecordedCall } from './recording-dispatch';

let calls: RecordedCall[];

beforeEach(() => {
  resetCallGuards();
  useCallsStore.setState({ strip: [] });
  useAppStore.setState({
    settings: {
      callerAcc: '',
      callerNumber: '13900139000',
      defaultMaxDur: 600,
      confPerPersonSec: 600,
      maxDurMin: 30,
      maxDurMax: 3600,
      mode: 'sandbox',
      language: 'zh-CN',
      baseUrl: 'https://api.netease.im',
    },
  });
  calls = installRecordingDispatch({
    startCall: ({ callee }) => ({ ok: true, session: 's1', caller: '13900139000', callee, maxDur: 600, logId: 'l1' }),
  });
});
afterEach(cleanup);

const input = () => screen.getByTestId('dial-input') as HTMLInputElement;
const type = (text: string) => fireEvent.change(input(), { target: { value: text } });
const sent = () => calls.filter((c) => c.name === 'startCall').map((c) => (c.request as { callee: string }).callee);

describe('dial box extensions', () => {
  it.each([
    ['010-62234302-396', '01062234302', '396'],
    ['0571-88886666 转 123', '057188886666', '123'],
    ['010 6552 9988 ext. 12', '01065529988', '12'],
    ['01065529988x12', '01065529988', '12'],
    ['010-65529988 分机 12', '01065529988', '12'],
  ])('%s: dials %s and shows extension %s before and after the call', async (typed, main, extension) => {
    render(<DialBox />);
    type(typed);
    expect(screen.getByTestId('dial-normalized').textContent).toContain(main.slice(0, 3));
    expect(screen.getByTestId('dial-extension')).toHaveProperty('textContent', `· 接通后请转分机 ${extension}`);
    fireEvent.submit(input().form!);
    await waitFor(() => expect(sent()).toEqual([main]));
    await waitFor(() => expect(input().value).toBe(''));
    // The number is gone from the field, the extension is not: the dispatcher still has to ask for it.
    expect(screen.getByTestId('dial-extension').getAttribute('data-extension')).toBe(extension);
    expect(screen.getByTestId('dial-normalized').textContent).toContain('已呼叫');
    // Typing the next number clears it.
    type('1');
    expect(screen.queryByTestId('dial-extension')).toBeNull();
  });

  it('a number without an extension shows none; a mobile with a dash group is an error, not an extension', async () => {
    render(<DialBox />);
    type('010 6552 9988');
    expect(screen.queryByTestId('dial-extension')).toBeNull();
    type('138-0013-8000-12');
    fireEvent.submit(input().form!);
    await waitFor(() => expect(screen.getByTestId('dial-error')).toBeTruthy());
    expect(screen.queryByTestId('dial-extension')).toBeNull();
    expect(sent()).toEqual([]);
  });
});
