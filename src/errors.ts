/**
 * Every error ta-grid throws is a TaGridError with a stable `code` (match on
 * it, not on the message), a message that says what was wrong and what to do,
 * and the figures behind it in `details`.
 */
export type ErrorCode =
  | 'UNKNOWN_INDICATOR'
  | 'GRID_VALIDATION'
  | 'GRID_TOO_LARGE'
  | 'COMPUTE_BUDGET_EXCEEDED'
  | 'INVALID_CANDLES'
  | 'MISSING_INPUT'
  | 'INVALID_REQUEST'
  | 'INVALID_CONFIG'
  | 'BACKEND_UNAVAILABLE'
  | 'WARMUP_FAILED'
  | 'ENGINE_CLOSED'
  | 'COMPUTE_CANCELLED'
  | 'COMPUTE_TIMEOUT'
  | 'WORKER_CRASHED'
  | 'KERNEL_FAILED'
  | 'RESULT_RELEASED'
  | 'STREAM_CLOSED'
  | 'STATE_INCOMPATIBLE'
  // ta-grid/cluster (classes in src/cluster/errors.ts)
  | 'SHARD_FAILED'
  | 'CLUSTER_UNAVAILABLE'
  | 'RESULT_UNAVAILABLE';

export class TaGridError extends Error {
  /** Overridden by each subclass; the base class is never thrown directly. */
  static readonly code: ErrorCode = 'INVALID_REQUEST';
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.code = (new.target as typeof TaGridError).code;
    this.details = details;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message, details: this.details };
  }
}

/** No indicator with that id; `listIndicators()` or `ta-grid list` shows them. */
export class UnknownIndicatorError extends TaGridError {
  static override readonly code: ErrorCode = 'UNKNOWN_INDICATOR';
}
/** A grid axis, value, range or output name is not allowed. */
export class GridValidationError extends TaGridError {
  static override readonly code: ErrorCode = 'GRID_VALIDATION';
}
/** The grid has more variants than `maxVariants`. */
export class GridTooLargeError extends TaGridError {
  static override readonly code: ErrorCode = 'GRID_TOO_LARGE';
}
/** The estimated memory is above `maxComputeBytesTotal`. */
export class ComputeBudgetExceededError extends TaGridError {
  static override readonly code: ErrorCode = 'COMPUTE_BUDGET_EXCEEDED';
}
/** The candles are empty, misaligned, unsorted or hold impossible values. */
export class InvalidCandlesError extends TaGridError {
  static override readonly code: ErrorCode = 'INVALID_CANDLES';
}
/** A column the indicator needs is not in the candles. */
export class MissingInputError extends TaGridError {
  static override readonly code: ErrorCode = 'MISSING_INPUT';
}
/** The request object itself is malformed (not an object, bad option). */
export class InvalidRequestError extends TaGridError {
  static override readonly code: ErrorCode = 'INVALID_REQUEST';
}
/** A configuration value is invalid; names the key, value and origin. */
export class ConfigError extends TaGridError {
  static override readonly code: ErrorCode = 'INVALID_CONFIG';
}
/** The requested kernel backend cannot be loaded. */
export class BackendUnavailableError extends TaGridError {
  static override readonly code: ErrorCode = 'BACKEND_UNAVAILABLE';
}
/** Warmup failed (cache dir, artifacts, worker start, kernel self-test). */
export class WarmupError extends TaGridError {
  static override readonly code: ErrorCode = 'WARMUP_FAILED';
}
/** The AbortSignal fired; nothing was written after it did. */
export class ComputeCancelledError extends TaGridError {
  static override readonly code: ErrorCode = 'COMPUTE_CANCELLED';
}
/** The compute ran longer than `timeoutMs`. */
export class ComputeTimeoutError extends TaGridError {
  static override readonly code: ErrorCode = 'COMPUTE_TIMEOUT';
}
/** A worker died during the compute; the pool replaced it. */
export class WorkerCrashedError extends TaGridError {
  static override readonly code: ErrorCode = 'WORKER_CRASHED';
}
/** A kernel reported a failure (a bug: please report it). */
export class KernelError extends TaGridError {
  static override readonly code: ErrorCode = 'KERNEL_FAILED';
}
/** The engine was closed; create a new one with createEngine(). */
export class EngineClosedError extends TaGridError {
  static override readonly code: ErrorCode = 'ENGINE_CLOSED';
  constructor(message = 'the engine is closed: create a new one with createEngine()', details: Record<string, unknown> = {}) {
    super(message, details);
  }
}
/** The result was released (its buffer may already hold another call's output). */
export class ResultReleasedError extends TaGridError {
  static override readonly code: ErrorCode = 'RESULT_RELEASED';
}
/** The stream was closed; open another with engine.stream() or engine.restoreStream(). */
export class StreamClosedError extends TaGridError {
  static override readonly code: ErrorCode = 'STREAM_CLOSED';
}
/** Checkpoint bytes from another version, indicator, grid or dtype, or corrupted. */
export class StateIncompatibleError extends TaGridError {
  static override readonly code: ErrorCode = 'STATE_INCOMPATIBLE';
}
