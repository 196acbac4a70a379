import { pino } from 'pino';

/** The subset of a pino logger ta-grid uses; any pino-compatible logger fits. */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

export function defaultLogger(level = process.env.TA_GRID_LOG_LEVEL ?? 'info'): Logger {
  return pino({ name: 'ta-grid', level });
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, debug() {} };
