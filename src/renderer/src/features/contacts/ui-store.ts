/** Which contacts-tab sheet is open. */
import { create } from 'zustand';

interface ContactsUiState {
  /** null: closed; { id: null }: a new contact; { id }: editing that contact. */
  editor: { id: string | null } | null;
  groupsOpen: boolean;
  openEditor(id: string | null): void;
  closeEditor(): void;
  setGroupsOpen(open: boolean): void;
}

export const useContactsUi = create<ContactsUiState>((set) => ({
  editor: null,
  groupsOpen: false,
  openEditor: (id) => set({ editor: { id } }),
  closeEditor: () => set({ editor: null }),
  setGroupsOpen: (open) => set({ groupsOpen: open }),
}));
