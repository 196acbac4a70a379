import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { InvalidRequestError } from '../errors.js';
import { ResultUnavailableError } from './errors.js';

/**
 * Where a cluster keeps candles and results, shared by the client and every
 * worker. Keys are relative paths with '/' separators
 * (`candles/<sha256>.arrow`, `results/<job>/...`). A directory (local disk or
 * a shared filesystem such as NFS/EFS) is the default; an object store fits
 * the same five operations.
 */
export interface ClusterStore {
  /** Writes atomically: readers see the old object, or the whole new one, never a part. */
  put(key: string, data: Uint8Array | AsyncIterable<Uint8Array>): Promise<void>;
  /** The whole object; ResultUnavailableError when it is absent. */
  get(key: string): Promise<Uint8Array>;
  has(key: string): Promise<boolean>;
  /** Marks an object as used now (expiry counts from the last use). */
  touch(key: string): Promise<void>;
  /** Deletes objects under `prefix` last used before `olderThan` (ms since epoch); returns how many. */
  expire(prefix: string, olderThan: number): Promise<number>;
}

const KEY = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;
/** Temp files of writers that died; anything this old is garbage. */
const TEMP_MAX_AGE_MS = 3_600_000;

/** A ClusterStore over a directory. Writes go to a temp file beside the target, then rename. */
export class DirStore implements ClusterStore {
  readonly root: string;

  constructor(root: string) {
    if (typeof root !== 'string' || root.length === 0) {
      throw new InvalidRequestError(`store must be a directory path or a ClusterStore, got ${JSON.stringify(root)}`, { store: root });
    }
    this.root = path.resolve(root);
  }

  private file(key: string): string {
    if (!KEY.test(key) || key.split('/').some((p) => p === '.' || p === '..')) {
      throw new InvalidRequestError(`store key ${JSON.stringify(key)} is not a relative path of [A-Za-z0-9._-] parts`, { key });
    }
    return path.join(this.root, ...key.split('/'));
  }

  async put(key: string, data: Uint8Array | AsyncIterable<Uint8Array>): Promise<void> {
    const target = this.file(key);
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      if (data instanceof Uint8Array) await writeFile(temp, data);
      else await pipeline(Readable.from(data), createWriteStream(temp));
      // Durable before visible: a reader never sees a renamed file with missing bytes after a crash.
      const fh = await open(temp, 'r');
      try { await fh.sync(); } finally { await fh.close(); }
      await rename(temp, target);
    } catch (e) {
      await unlink(temp).catch(() => {});
      throw e;
    }
  }

  async get(key: string): Promise<Uint8Array> {
    const file = this.file(key);
    let fh;
    try {
      fh = await open(file, 'r');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new ResultUnavailableError(`${file} is missing: the result expired or the store is not the one the workers write to (check --store on every worker)`, { key, file });
      }
      throw e;
    }
    try {
      const { size } = await fh.stat();
      // Unpooled (offset 0, so Arrow buffers stay aligned) and not zeroed: every byte is read into it.
      const out = new Uint8Array(Buffer.allocUnsafeSlow(size).buffer, 0, size);
      // fs reads at most 2 GiB per call.
      for (let off = 0; off < size;) {
        const { bytesRead } = await fh.read(out, off, Math.min(size - off, 2 ** 30), off);
        if (bytesRead === 0) throw new ResultUnavailableError(`${file} shrank while it was read; was it rewritten outside ta-grid?`, { key, file });
        off += bytesRead;
      }
      return out;
    } finally {
      await fh.close();
    }
  }

  async has(key: string): Promise<boolean> {
    return stat(this.file(key)).then(() => true, () => false);
  }

  async touch(key: string): Promise<void> {
    const now = new Date();
    await utimes(this.file(key), now, now).catch(() => {});
  }

  async expire(prefix: string, olderThan: number): Promise<number> {
    const dir = this.file(prefix);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return 0;
    }
    let removed = 0;
    for (const e of entries) {
      const full = path.join(dir, e.name);
      const s = await stat(full).catch(() => null);
      if (!s) continue;
      const limit = e.name.endsWith('.tmp') ? Math.min(olderThan, Date.now() - TEMP_MAX_AGE_MS) : olderThan;
      // A result directory counts as used when its request file was last touched.
      const used = e.isDirectory() ? (await stat(path.join(full, 'request.json')).catch(() => s)).mtimeMs : s.mtimeMs;
      if (used < limit) {
        await rm(full, { recursive: true, force: true });
        removed++;
      }
    }
    return removed;
  }
}

export function toStore(store: string | ClusterStore): ClusterStore {
  return typeof store === 'string' ? new DirStore(store) : store;
}
