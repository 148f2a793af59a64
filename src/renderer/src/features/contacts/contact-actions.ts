/** Actions on contacts shared by the list rows, the search box and the global shortcuts. */
import type { Contact } from '../../../../shared/domain';
import { useCallsStore } from '../../state/calls-store';
import { useContactsStore } from '../../state/contacts-store';
import { useRosterStore } from '../../state/roster-store';
import { showToast } from '../../state/toast-store';
import { useContactsUi } from './ui-store';

export async function callContact(contact: Contact, numberIndex = 0): Promise<void> {
  const n = contact.numbers[numberIndex];
  if (!n) {
    showToast({ message: { key: 'contacts.noNumber', params: { name: contact.name } }, tone: 'error' });
    return;
  }
  await useCallsStore.getState().startCall({ number: n.number, name: contact.name, ...(n.extension ? { extension: n.extension } : {}) });
}

export function addContactToRoster(contact: Contact): boolean {
  const n = contact.numbers[0];
  const roster = useRosterStore.getState();
  if (!n) {
    roster.showNote({ message: { key: 'contacts.noNumber', params: { name: contact.name } }, tone: 'error' });
    return false;
  }
  return roster.add({ number: n.number, ...(n.extension ? { extension: n.extension } : {}), name: contact.name, contactId: contact.id });
}

export async function callSelected(): Promise<void> {
  const c = useContactsStore.getState().selected();
  if (c) await callContact(c);
}

export function addSelectedToRoster(): void {
  const c = useContactsStore.getState().selected();
  if (c) addContactToRoster(c);
}

export function editSelected(): void {
  const c = useContactsStore.getState().selected();
  if (c) useContactsUi.getState().openEditor(c.id);
}
