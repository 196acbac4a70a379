import { createHash, randomBytes } from 'node:crypto';
import { lstatSync, linkSync, realpathSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makePrivateDirs, readSmallFile } from './cache.js';

/**
 * Whether the cache dir may be trusted with native code (ownership and
 * permissions, like ssh's StrictModes), and the key that signs its manifest
 * entries, kept outside it.
 */

const euid = (): number | null => (typeof process.geteuid === 'function' ? process.geteuid() : null);

function ownerProblem(p: string, st: Stats, uid: number): string | null {
  return st.uid !== uid && st.uid !== 0 ? `${p} is owned by uid ${st.uid}, not by this process (uid ${uid}) or root` : null;
}

/**
 * Why `dir` cannot be trusted with native code, or null when it can: every
 * symlink on the way belongs to this user or root; the real dir is owned by
 * this user (or root) and writable by nobody else; every parent is owned by
 * this user or root and not writable by others unless sticky (like /tmp,
 * where others cannot rename what is ours). Stats only: cheap enough for
 * health(). Always trusted on platforms without uids (Windows).
 */
export function cacheDirTrustProblem(dir: string): string | null {
  const uid = euid();
  if (uid === null) return null;
  const abs = path.resolve(dir);
  try {
    let at = path.parse(abs).root;
    for (const part of abs.slice(at.length).split(path.sep).filter(Boolean)) {
      at = path.join(at, part);
      const st = lstatSync(at);
      if (st.isSymbolicLink() && st.uid !== uid && st.uid !== 0) return `${at} is a symlink owned by uid ${st.uid} (another user could point it anywhere)`;
    }
    const real = realpathSync(abs);
    const st = statSync(real);
    if (!st.isDirectory()) return `${real} is not a directory`;
    const own = ownerProblem(real, st, uid);
    if (own) return own;
    if (st.mode & 0o022) return `${real} is writable by ${st.mode & 0o002 ? 'other users' : 'its group'} (mode ${(st.mode & 0o7777).toString(8)}); chmod 700 it`;
    for (let p = path.dirname(real); ; p = path.dirname(p)) {
      const ps = statSync(p);
      const pown = ownerProblem(p, ps, uid);
      if (pown) return `parent ${pown}`;
      if (ps.mode & 0o022 && !(ps.mode & 0o1000)) return `parent ${p} is writable by others and not sticky (mode ${(ps.mode & 0o7777).toString(8)}), so the cache dir could be swapped`;
      if (path.dirname(p) === p) break;
    }
  } catch (e) {
    return `cannot check ${abs}: ${(e as Error).message}`;
  }
  return null;
}

/** Where the per-user key lives: $XDG_STATE_HOME/ta-grid/key, else ~/.local/state/ta-grid/key. */
export function defaultKeyFile(): string {
  const xdg = process.env.XDG_STATE_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.local', 'state');
  return path.join(base, 'ta-grid', 'key');
}

export interface CacheKey {
  key: Buffer;
  /** 'config': cacheKey / TA_GRID_CACHE_KEY; 'file': the per-user key file; 'none': no usable key (the cache dir is left alone). */
  source: 'config' | 'file' | 'none';
  file: string | null;
  /** Why the key file could not be used. */
  problem: string | null;
}

function readKeyFile(file: string): Buffer {
  const uid = euid();
  const text = readSmallFile(file, 1024, (st) =>
    uid !== null && st.uid !== uid ? `owned by uid ${st.uid}, not ${uid}` : st.mode & 0o077 ? `mode ${(st.mode & 0o777).toString(8)}; it must be 600` : null,
  ).toString('utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(text)) throw new Error('not a 64-digit hex key');
  return Buffer.from(text, 'hex');
}

/**
 * The key that signs manifest entries: from config (fleets sharing one
 * volume), else the per-user key file (created 0600 on first use, atomically:
 * a temp file hard-linked into place, so two processes agree on one key),
 * else no key (source 'none', with the reason; `key` is then random, so
 * nothing verifies): warmup then neither reads nor writes the cache dir.
 */
export function loadCacheKey(configured: string | null, file: string = defaultKeyFile(), o: { create?: boolean } = {}): CacheKey {
  if (configured) return { key: createHash('sha256').update(configured).digest(), source: 'config', file: null, problem: null };
  try {
    try {
      return { key: readKeyFile(file), source: 'file', file, problem: null };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      if (o.create === false) throw new Error('not created yet (the first warmup creates it)');
    }
    makePrivateDirs(path.dirname(file));
    const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    writeFileSync(tmp, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    try {
      linkSync(tmp, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      unlinkSync(tmp);
    }
    return { key: readKeyFile(file), source: 'file', file, problem: null };
  } catch (e) {
    return { key: randomBytes(32), source: 'none', file, problem: `key file ${file} unusable (${(e as Error).message}); fix it (a 0600 file of 64 hex digits owned by this user) or set TA_GRID_CACHE_KEY` };
  }
}
