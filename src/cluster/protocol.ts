import { Redis, type RedisOptions } from 'ioredis';
import type { z } from 'zod';
import { ConfigError, InvalidRequestError } from '../errors.js';
import { ClusterUnavailableError } from './errors.js';

/** What both sides of a cluster agree on: queue names, job data, Redis keys, the failure encoding. */

export const SHARD_QUEUE = 'ta-grid-shards';
export const JOB_QUEUE = 'ta-grid-jobs';

export interface ShardData { job: string; index: number; v0: number; v1: number }
export interface Failure { code: string; message: string; details: Record<string, unknown> }
export interface JobData { job: string; shards: number; variants: number; failure?: Failure }
export interface ShardProgress { processed: number; total: number }

/** Set when a job is cancelled or has failed: workers stop its shards and start none. */
export const stopKey = (prefix: string, job: string): string => `${prefix}:ta-grid:stop:${job}`;
/** How long a stop flag outlives the job (a late redelivery still sees it). */
export const STOP_TTL_S = 7 * 24 * 3600;

export type RedisTarget = string | RedisOptions;

/**
 * One connection for queues, events and flags. BullMQ needs
 * maxRetriesPerRequest: null (blocking commands wait out a Redis restart
 * instead of failing). The first PING must answer within timeoutMs.
 */
export async function connectRedis(target: RedisTarget, timeoutMs: number): Promise<Redis> {
  if (typeof target !== 'string' && (typeof target !== 'object' || target === null)) {
    throw new InvalidRequestError(`redis must be a URL like redis://127.0.0.1:6379 or ioredis options, got ${JSON.stringify(target)}`, { redis: target });
  }
  const options: RedisOptions = { maxRetriesPerRequest: null, lazyConnect: true };
  const redis = typeof target === 'string' ? new Redis(target, options) : new Redis({ ...target, ...options });
  const where = typeof target === 'string' ? target : `${target.host ?? '127.0.0.1'}:${target.port ?? 6379}`;
  let lastError = '';
  redis.on('error', (e: Error) => { lastError = e.message; });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.connect().then(() => redis.ping()),
      new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('timeout')), timeoutMs); }),
    ]);
  } catch (e) {
    redis.disconnect();
    throw new ClusterUnavailableError(
      `cannot reach Redis at ${where} within ${timeoutMs} ms (${lastError || (e as Error).message}); start redis-server or fix the URL`,
      { redis: where, timeoutMs },
    );
  } finally {
    clearTimeout(timer);
  }
  return redis;
}

/** Errors cross Redis as text: `[CODE] message`. */
export const encodeError = (code: string, message: string): string => `[${code}] ${message}`;

export function decodeError(text: string): { code: string; message: string } {
  const m = /^\[([A-Z_]+)\] ([\s\S]*)$/.exec(text);
  return m ? { code: m[1]!, message: m[2]! } : { code: 'INTERNAL', message: text };
}

/** Options checked against a zod schema; the first problem becomes a ConfigError naming the option. */
export function parseOptions<S extends z.ZodType>(schema: S, value: Record<string, unknown>, where: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path.join('.');
    throw new ConfigError(`${where}: ${key || 'options'}: ${issue.message}`, { key, value: key ? value[key] : undefined });
  }
  return parsed.data;
}
