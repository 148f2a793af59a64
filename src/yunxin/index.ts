/**
 * Public face of the Yunxin ECP module. Plain Node (no `electron` import): the main process,
 * scripts, the simulator and tests all use the same client.
 */
export { createYunxinClient, PATHS } from './client';
export type {
  CheckAccountResult,
  QuerySessionInput,
  QuerySessionResult,
  StartCallInput,
  StartCallResult,
  StartConfInput,
  StartConfResult,
  YunxinClient,
} from './client';
export type { MaxDurRange, YunxinClientOptions } from './client-config';
export type { ExchangeRequest, Transport, TransportOutcome } from './transport';
export { createHttpTransport } from './http-transport';
export type { HttpTransport } from './http-transport';
export type { AccountCheckFailure, AccountCheckFailureVerdict } from './account-check';
export { classifyServerAnswer, explainFailure, toFailure } from './errors';
export type { Explanation, FailureFacts, LocalReason, ServerAnswerKind } from './errors';
export { toSessionStatus, stateFromWord } from './session-status';
export {
  checkCallback,
  createMemoryReplayStore,
  parseCallbackBill,
  signCallback,
  verifyCallback,
  verifyCallbackOnce,
  CALLBACK_MAX_BODY_BYTES,
  CALLBACK_MAX_SKEW_MS,
  ECP_BILL_EVENT_TYPE,
} from './callback';
export type { CallbackBill, CallbackHeadersOut, CallbackLeg, CallbackRejection, CallbackReplayStore, CallbackVerdict, VerifyCallbackInput } from './callback';
export { checkApiBaseUrl, isPinnedHost, parseApiHostsFile, PINNED_API_DOMAINS } from './api-host';
export type { ApiHostPolicy } from './api-host';
export { checkSum, signedHeaders } from './sign';
