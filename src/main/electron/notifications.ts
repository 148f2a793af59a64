/** Electron adapter: native notifications (which ones: ../desktop/notifications.ts). */
import { Notification } from 'electron';
import type { NotificationModel } from '../desktop/notifications';

export function showNativeNotification(model: NotificationModel, onClick: (entryId: string) => void): boolean {
  if (!Notification.isSupported()) return false;
  const notification = new Notification({ title: model.title, body: model.body, silent: false });
  notification.on('click', () => onClick(model.entryId));
  notification.show();
  return true;
}
