/** The sandbox ECP simulator: a real loopback HTTP server for tests, sandbox mode and benchmarks. */
export { startSimulator, DEFAULT_PROGRESS, DEFAULT_VALIDITY_MS } from './server';
export { PATHS } from './routes';
export { SANDBOX_ACCOUNT, SANDBOX_CALLER_ACC } from './sandbox-account';
export type {
  DeliveredCallback,
  Fault,
  FaultKind,
  RecordedAnswer,
  RecordedRequest,
  Simulator,
  SimulatorAccount,
  SimulatorFaults,
  SimulatorOptions,
  SimulatorProgress,
} from './types';
