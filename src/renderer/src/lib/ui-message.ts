/**
 * A message a store wants shown. Stores stay language-agnostic: they hold a catalog message (a key
 * with parameters, possibly from shared code such as the phone rules) or a Failure.
 */
import type { Message } from '../../../shared/i18n';
import type { Failure } from '../../../shared/result';

export type UiMessage = Message | { failure: Failure };

export type Tone = 'info' | 'success' | 'error';
