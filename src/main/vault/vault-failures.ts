import { msg } from '../../shared/i18n';
import { failure, type Failure } from '../../shared/result';

/** The storage refusals the dispatcher must understand and act on; words in the catalog (vault.*). */

export function insecureBackendFailure(backend: string): Failure {
  return failure('storage', `Refusing to store the AppSecret with insecure backend "${backend}" without explicit consent.`, {
    detail: msg('vault.insecureBackend', { backend }),
  });
}

export function encryptionUnavailableFailure(backend: string): Failure {
  return failure('storage', `Secure storage is not available (backend "${backend}"); nothing was saved.`, {
    detail: msg('vault.unavailable', { backend }),
  });
}

export function encryptionFailedFailure(backend: string): Failure {
  return failure('storage', `Encrypting the AppSecret failed (backend "${backend}"); nothing was saved.`, {
    detail: msg('vault.encryptFailed', { backend }),
  });
}

export function writeFailedFailure(): Failure {
  return failure('storage', 'Writing the credentials file failed; nothing was saved.', { detail: msg('vault.writeFailed') });
}
