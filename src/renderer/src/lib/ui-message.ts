/**
 * A message a store wants shown. Stores stay language-agnostic: they hold an i18n key (with
 * parameters), a ready LocalizedText (from the shared validation module) or a Failure.
 */
import type { Failure, LocalizedText } from '../../../shared/result';
import type { MessageKey } from '../i18n';

export type UiMessage =
  | { key: MessageKey; params?: Record<string, string | number> }
  | { text: LocalizedText }
  | { failure: Failure };

export type Tone = 'info' | 'success' | 'error';
