/**
 * The extension specs' shared start: the dispatcher's own number set, and 王经理 saved at a
 * switchboard number with his extension (010-62234302 转 396), the list reloaded and ready.
 */
import { expect, type DispatchApp } from './fixtures';

export async function withSwitchboardContact(app: DispatchApp): Promise<void> {
  const handlers = app.runtime.core.handlers;
  expect((await handlers.settingsSet({ callerNumber: '13900139000' })).ok).toBe(true);
  expect((await handlers.contactSave({ contact: { name: '王经理', numbers: [{ label: '办公室', number: '010-62234302-396' }] } })).ok).toBe(true);
  await app.reload();
  await expect(app.page.getByTestId('contact-list')).toHaveAttribute('data-status', 'ready');
}
