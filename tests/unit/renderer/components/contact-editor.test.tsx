// @vitest-environment jsdom
/**
 * The contact editor against main's rules: every length and count the editor lets a dispatcher
 * enter is exactly what main's request schema for contactSave accepts (the shared limits in
 * src/shared/contact-limits.ts), so a limit that drifts on either side fails here.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestSchemas } from '../../../../src/shared/contract-schemas';
import type { ContactDraft } from '../../../../src/shared/domain';
import { ContactEditor } from '../../../../src/renderer/src/features/contacts/ContactEditor';
import { useContactsUi } from '../../../../src/renderer/src/features/contacts/ui-store';
import { installRecordingDispatch, type RecordedCall } from './recording-dispatch';

let calls: RecordedCall[];

beforeEach(() => {
  calls = installRecordingDispatch({
    contactSave: ({ contact }) => ({
      ok: true,
      contact: {
        org: '',
        notes: '',
        favorite: false,
        groupIds: [],
        ...contact,
        id: 'c1',
        createdAt: 1,
        updatedAt: 1,
        keys: { v: 1, name: '', py: '', ini: '', syl: [], digits: '', org: '' },
      },
      listRevision: { before: 1, after: 2 },
    }),
  });
  useContactsUi.getState().openEditor(null);
});

afterEach(cleanup);

const byTestId = <T extends HTMLElement>(id: string) => screen.getByTestId(id) as T;
const maxLengthOf = (id: string) => byTestId<HTMLInputElement | HTMLTextAreaElement>(id).maxLength;

/** A draft main accepts, with one field replaced. */
const draft = (patch: Partial<ContactDraft>): ContactDraft => ({ name: '张三', numbers: [{ label: '手机', number: '13800138000' }], ...patch });
const mainAccepts = (d: ContactDraft) => requestSchemas.contactSave.safeParse({ contact: d }).success;

/** The editor's limit must be main's: main accepts `limit` and refuses `limit + 1`. */
function expectMainsLimit(limit: number, withLength: (n: number) => ContactDraft) {
  expect(limit, 'the editor sets a limit').toBeGreaterThan(0);
  expect(mainAccepts(withLength(limit)), `main accepts ${limit}`).toBe(true);
  expect(mainAccepts(withLength(limit + 1)), `main refuses ${limit + 1}`).toBe(false);
}

async function savedDraft(): Promise<ContactDraft> {
  fireEvent.click(byTestId('contact-save'));
  await waitFor(() => expect(calls.filter((c) => c.name === 'contactSave')).toHaveLength(1));
  return (calls.find((c) => c.name === 'contactSave')?.request as { contact: ContactDraft }).contact;
}

describe('contact editor limits equal main’s', () => {
  it('name, label, organisation and notes: the longest text the editor takes is the longest main accepts', () => {
    render(<ContactEditor id={null} />);
    expectMainsLimit(maxLengthOf('contact-name'), (n) => draft({ name: 'x'.repeat(n) }));
    expectMainsLimit(maxLengthOf('contact-label-0'), (n) => draft({ numbers: [{ label: 'x'.repeat(n), number: '13800138000' }] }));
    expectMainsLimit(maxLengthOf('contact-org'), (n) => draft({ org: 'x'.repeat(n) }));
    expectMainsLimit(maxLengthOf('contact-notes'), (n) => draft({ notes: 'x'.repeat(n) }));
  });

  it('numbers: the editor offers exactly as many number rows as main accepts, and saves them all', async () => {
    render(<ContactEditor id={null} />);
    const add = byTestId<HTMLButtonElement>('contact-add-number');
    let rows = 1;
    while (!add.disabled && rows < 100) {
      fireEvent.click(add);
      rows++;
    }
    expect(screen.queryAllByTestId(/^contact-number-\d+$/)).toHaveLength(rows);
    expectMainsLimit(rows, (n) => draft({ numbers: Array.from({ length: n }, (_, i) => ({ label: '', number: `1380013${String(8000 + i)}` })) }));

    fireEvent.change(byTestId('contact-name'), { target: { value: '张三' } });
    for (let i = 0; i < rows; i++) fireEvent.change(byTestId(`contact-number-${i}`), { target: { value: `1380013${String(8000 + i)}` } });
    const sent = await savedDraft();
    expect(sent.numbers).toHaveLength(rows);
    expect(mainAccepts(sent)).toBe(true);
  });

  it('what the editor sends for a filled-in contact passes main’s request schema unchanged', async () => {
    render(<ContactEditor id={null} />);
    fireEvent.change(byTestId('contact-name'), { target: { value: ' 李四 ' } });
    fireEvent.change(byTestId('contact-number-0'), { target: { value: '138 0013 8000' } });
    fireEvent.change(byTestId('contact-org'), { target: { value: '消防' } });
    fireEvent.change(byTestId('contact-notes'), { target: { value: '夜班' } });
    fireEvent.click(byTestId('contact-favorite-input'));
    const sent = await savedDraft();
    expect(sent).toMatchObject({ name: '李四', org: '消防', notes: '夜班', favorite: true, numbers: [{ number: '138 0013 8000' }] });
    expect(requestSchemas.contactSave.safeParse({ contact: sent }).error).toBeUndefined();
    await waitFor(() => expect(useContactsUi.getState().editor).toBeNull());
  });

  it('an empty name is refused in the editor and nothing is sent', async () => {
    render(<ContactEditor id={null} />);
    fireEvent.change(byTestId('contact-number-0'), { target: { value: '13800138000' } });
    fireEvent.click(byTestId('contact-save'));
    await screen.findByTestId('contact-name-error');
    expect(calls.filter((c) => c.name === 'contactSave')).toEqual([]);
  });
});
