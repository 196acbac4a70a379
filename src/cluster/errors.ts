import { TaGridError, type ErrorCode } from '../errors.js';

/**
 * A shard failed on every attempt (or with an error retrying cannot fix);
 * the whole job failed. `details.shard` names it ({ index, v0, v1 }),
 * `details.cause` is the shard's own error ({ code, message }).
 */
export class ShardFailedError extends TaGridError {
  static override readonly code: ErrorCode = 'SHARD_FAILED';
}
/** Redis could not be reached (or answered wrongly) within the connect timeout. */
export class ClusterUnavailableError extends TaGridError {
  static override readonly code: ErrorCode = 'CLUSTER_UNAVAILABLE';
}
/** A result or candles file is missing, expired or not what the job wrote. */
export class ResultUnavailableError extends TaGridError {
  static override readonly code: ErrorCode = 'RESULT_UNAVAILABLE';
}
