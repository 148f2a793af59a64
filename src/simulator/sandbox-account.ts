import type { SimulatorAccount } from './types';

/**
 * Credentials the sandbox and the dev script share. Public on purpose: they open nothing but the
 * loopback simulator. Shaped like real ones (32-hex AppKey, 12-hex AppSecret) so that the app's
 * input validation treats them like production credentials.
 */
export const SANDBOX_CALLER_ACC = 'dispatcher';

export const SANDBOX_ACCOUNT: SimulatorAccount = {
  appKey: '5a4db0c5000000000000000000000001',
  appSecret: '5a4db0c5ec12',
  accids: [SANDBOX_CALLER_ACC, 'dispatcher2'],
};
