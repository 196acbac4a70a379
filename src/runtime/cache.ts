import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  closeSync, constants as fsc, fstatSync, lstatSync, mkdirSync, openSync, readSync, readdirSync, renameSync, rmSync, writeFileSync, type Stats,
} from 'node:fs';
import path from 'node:path';
import { WarmupError } from '../errors.js';

/**
 * The cache dir is as trusted as the code: native code and the numbers that
 * steer scheduling are read from it. The artifact store authenticates every
 * manifest entry with an HMAC whose key lives outside the dir (trust.ts
 * decides whether the dir may be used at all and finds the key), and reads
 * files only as bounded regular files by plain name.
 */

/** Largest artifact read back from the cache (a tuned addon is well under 10 MiB). */
export const MAX_ARTIFACT_BYTES = 64 * 2 ** 20;
const MAX_ENTRY_BYTES = 64 * 2 ** 10;
/** Superseded files of one artifact kept for processes that may still be reading them. */
const KEEP_FILES = 3;
/** ...and anything younger than this is kept too. */
const PRUNE_AGE_MS = 60 * 60_000;

/** An I/O failure on the cache dir as a coded error naming the path and the fix. */
export function cacheIoError(what: string, file: string, e: unknown): WarmupError {
  const code = (e as NodeJS.ErrnoException).code ?? 'error';
  return new WarmupError(
    `cache dir: cannot ${what} ${file} (${code}: ${(e as Error).message}); check the path and its permissions, or remove the cache dir and warm up again`,
    { file, cause: code },
  );
}

/**
 * mkdir -p with mode 0700, one level at a time: Node's recursive mkdir can
 * spin forever on virtual filesystems such as /proc, and a warmup must fail,
 * not hang.
 */
export function makePrivateDirs(dir: string): void {
  const missing: string[] = [];
  let at = path.resolve(dir);
  for (;;) {
    try {
      lstatSync(at);
      break;
    } catch {
      missing.push(at);
      const parent = path.dirname(at);
      if (parent === at) break;
      at = parent;
    }
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d, 0o700);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

/** Fails fast, naming the path and the fix, when the cache dir cannot be created or written. */
export function ensureWritable(dir: string): void {
  try {
    makePrivateDirs(dir);
    const probe = path.join(dir, `.probe-${process.pid}-${randomBytes(4).toString('hex')}`);
    writeFileSync(probe, 'ok', { mode: 0o600 });
    rmSync(probe);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new WarmupError(
      `cache dir ${dir} is not writable (${code}: ${(e as Error).message}); point cacheDir / TA_GRID_CACHE_DIR at a writable directory (in containers, mount a volume there) or fix its permissions`,
      { cacheDir: dir, cause: code },
    );
  }
}

/** Reads a small regular file without following a symlink or blocking on a FIFO. */
export function readSmallFile(file: string, limit: number, check?: (st: Stats) => string | null): Buffer {
  const fd = openSync(file, fsc.O_RDONLY | fsc.O_NOFOLLOW | fsc.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new Error('not a regular file');
    if (st.size > limit) throw new Error(`${st.size} bytes, more than ${limit}`);
    const problem = check?.(st);
    if (problem) throw new Error(problem);
    const buf = Buffer.alloc(st.size);
    let at = 0;
    while (at < buf.length) {
      const n = readSync(fd, buf, at, buf.length - at, at);
      if (n === 0) throw new Error('file shrank while reading');
      at += n;
    }
    return buf;
  } finally {
    closeSync(fd);
  }
}

/** Writes through a temp file (0600) in the same directory and a rename, so readers never see half a file. */
export function atomicWrite(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    writeFileSync(tmp, data, { mode: 0o600, flag: 'wx' });
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw cacheIoError('write', file, e);
  }
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** One artifact's manifest entry, stored as `manifest/<name>.json` in the cache dir. */
export interface ArtifactEntry {
  name: string;
  /** What the artifact depends on, hashed: rebuilt when any of it changes. */
  key: string;
  /** File name inside the cache dir (a name, never a path). */
  file: string;
  size: number;
  sha256: string;
  createdAt: string;
  inputs: Record<string, string>;
  /** HMAC-SHA256 of the fields above under the cache key. */
  mac: string;
}

export type ArtifactStatus = 'hit' | 'miss' | 'rebuilt';

export interface ArtifactState {
  name: string;
  status: 'valid' | 'invalid' | 'stale' | 'missing';
  entry: ArtifactEntry | null;
  reason?: string;
  /** The verified bytes (valid only): what gets loaded, so the file is never read twice. */
  bytes?: Buffer;
  /** The entry carried a valid HMAC (only then is the file it names ours to move). */
  authenticated?: boolean;
}

/** Artifact names are ours: lower-case words and dashes. */
const ARTIFACT_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The content file of an artifact: `<name>-<key 12 hex>-<sha256 12 hex><ext>`. */
export function artifactFilePattern(name: string, ext: string): RegExp {
  return new RegExp(`^${name}-[0-9a-f]{12}-[0-9a-f]{12}${ext.replace('.', '\\.')}$`);
}

function canonical(e: Omit<ArtifactEntry, 'mac'>): string {
  const inputs = Object.fromEntries(Object.entries(e.inputs ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)));
  return JSON.stringify([e.name, e.key, e.file, e.size, e.sha256, e.createdAt, inputs]);
}

/**
 * Artifacts in the cache dir. Each has a manifest entry (key, file name,
 * size, sha256, HMAC) and a content-addressed file, both written atomically:
 * two processes building the same artifact at once each rename a complete
 * file, and an entry only ever names a file whose bytes were hashed. An
 * entry that fails authentication or verification is moved to quarantine/
 * and rebuilt, never loaded; files are read once, by name, as bounded
 * regular files, and the verified bytes are what the caller uses.
 */
export class ArtifactStore {
  readonly counts = { hits: 0, misses: 0, rebuilt: 0 };

  constructor(readonly dir: string, private readonly key: Buffer) {}

  private get manifestDir(): string {
    return path.join(this.dir, 'manifest');
  }

  private entryPath(name: string): string {
    return path.join(this.manifestDir, `${name}.json`);
  }

  private mac(e: Omit<ArtifactEntry, 'mac'>): string {
    return createHmac('sha256', this.key).update(canonical(e)).digest('hex');
  }

  private authentic(e: ArtifactEntry): boolean {
    if (typeof e.mac !== 'string' || !/^[0-9a-f]{64}$/.test(e.mac)) return false;
    return timingSafeEqual(Buffer.from(e.mac, 'hex'), Buffer.from(this.mac(e), 'hex'));
  }

  /** Reads and authenticates the manifest entry of `name` (no artifact bytes are read). */
  private readEntry(name: string): ArtifactState {
    let raw: Buffer;
    try {
      raw = readSmallFile(this.entryPath(name), MAX_ENTRY_BYTES);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { name, status: 'missing', entry: null };
      return { name, status: 'invalid', entry: null, reason: `manifest entry unreadable: ${(e as Error).message}` };
    }
    let entry: ArtifactEntry;
    try {
      entry = JSON.parse(raw.toString('utf8')) as ArtifactEntry;
      if (typeof entry !== 'object' || entry === null) throw new Error('not an object');
    } catch (e) {
      return { name, status: 'invalid', entry: null, reason: `manifest entry unreadable: ${(e as Error).message}` };
    }
    // A name, never a path: no separator, not empty, not '.', '..' or hidden.
    const plainName = typeof entry.file === 'string' && entry.file !== '' && entry.file === path.basename(entry.file) && !entry.file.includes('\\') && !entry.file.startsWith('.');
    if (!plainName) return { name, status: 'invalid', entry: { ...entry, file: '' }, reason: `manifest names a path, not a file name: ${JSON.stringify(entry.file)}` };
    if (!this.authentic(entry)) return { name, status: 'invalid', entry, reason: 'manifest entry failed authentication (not written with this cache key)' };
    if (entry.name !== name || !Number.isSafeInteger(entry.size) || entry.size < 0 || typeof entry.sha256 !== 'string') {
      return { name, status: 'invalid', entry, reason: 'manifest entry is malformed' };
    }
    return { name, status: 'valid', entry, authenticated: true };
  }

  /**
   * Authenticates the entry for `name`, then reads and hashes its file.
   * `key` (when given) must match; `expect` adds checks (e.g. the file name
   * pattern, or a sha256 the package knows) that make the entry invalid.
   */
  inspect(name: string, key?: string, expect: { file?: RegExp; sha256?: string } = {}): ArtifactState {
    const state = this.readEntry(name);
    if (state.status !== 'valid') return state;
    const entry = state.entry!;
    const invalid = (reason: string): ArtifactState => ({ name, status: 'invalid', entry, reason, authenticated: true });
    if (key !== undefined && entry.key !== key) return { name, status: 'stale', entry, reason: 'inputs changed', authenticated: true };
    if (expect.file && !expect.file.test(entry.file)) return invalid(`unexpected file name ${JSON.stringify(entry.file)}`);
    if (expect.sha256 && entry.sha256 !== expect.sha256) return invalid('sha256 differs from the packaged build');
    if (entry.size > MAX_ARTIFACT_BYTES) return invalid(`size ${entry.size} above the ${MAX_ARTIFACT_BYTES}-byte limit`);
    let bytes: Buffer;
    try {
      bytes = readSmallFile(path.join(this.dir, entry.file), entry.size, (st) => (st.size !== entry.size ? `size ${st.size}, manifest says ${entry.size}` : null));
    } catch (e) {
      return invalid((e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file missing' : (e as Error).message);
    }
    if (sha256(bytes) !== entry.sha256) return invalid('sha256 mismatch');
    return { name, status: 'valid', entry, bytes, authenticated: true };
  }

  /** A directory (or FIFO, symlink...) squatting where a file goes is moved aside first. */
  private clearNonFile(target: string): void {
    try {
      if (!lstatSync(target).isFile()) this.moveAside(target);
    } catch {
      // Nothing there.
    }
  }

  /** Renames a file of the cache dir into quarantine/ (never anything outside the dir). */
  private moveAside(f: string): void {
    const qdir = path.join(this.dir, 'quarantine');
    try {
      mkdirSync(qdir, { mode: 0o700 });
    } catch {
      // Exists, or cannot be made: the rename below then fails quietly.
    }
    try {
      renameSync(f, path.join(qdir, `${path.basename(f)}.${Date.now()}-${process.pid}`));
    } catch {
      // Already moved by another process, or never written.
    }
  }

  /** Moves a failed artifact aside so it is never loaded again. */
  quarantine(state: ArtifactState): void {
    if (state.authenticated && state.entry?.file) this.moveAside(path.join(this.dir, state.entry.file));
    this.moveAside(this.entryPath(state.name));
  }

  /** A verified artifact for `key`, or null with the reason; an invalid one is quarantined. */
  lookup(name: string, key: string, expect: { file?: RegExp; sha256?: string } = {}): ArtifactState {
    const state = this.inspect(name, key, expect);
    if (state.status === 'invalid') this.quarantine(state);
    return state;
  }

  /** Stores bytes as the artifact for key, signed; returns the file name. */
  put(name: string, key: string, ext: string, data: Uint8Array | string, inputs: Record<string, string>): string {
    if (!ARTIFACT_NAME.test(name)) throw new Error(`bad artifact name ${name}`);
    const digest = sha256(data);
    const file = `${name}-${key.slice(0, 12)}-${digest.slice(0, 12)}${ext}`;
    this.clearNonFile(path.join(this.dir, file));
    this.clearNonFile(this.entryPath(name));
    atomicWrite(path.join(this.dir, file), data);
    const fields = { name, key, file, size: Buffer.byteLength(data), sha256: digest, createdAt: new Date().toISOString(), inputs };
    try {
      mkdirSync(this.manifestDir, { mode: 0o700 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw cacheIoError('create', this.manifestDir, e);
    }
    atomicWrite(this.entryPath(name), JSON.stringify({ ...fields, mac: this.mac(fields) }, null, 2));
    this.pruneOlder(name, ext, file);
    return file;
  }

  /**
   * Removes superseded files of an artifact, but never the newest few nor
   * any younger than an hour: another process may have just read the entry
   * naming one of them (a loaded .node stays mapped after unlink anyway).
   */
  private pruneOlder(name: string, ext: string, keep: string): void {
    const pattern = artifactFilePattern(name, ext);
    let files: { f: string; mtime: number }[];
    try {
      files = readdirSync(this.dir).filter((f) => f !== keep && pattern.test(f)).map((f) => ({ f, mtime: lstatSync(path.join(this.dir, f)).mtimeMs }));
    } catch {
      return;
    }
    files.sort((a, b) => b.mtime - a.mtime);
    const now = Date.now();
    for (const { f, mtime } of files.slice(KEEP_FILES - 1)) {
      if (now - mtime > PRUNE_AGE_MS) rmSync(path.join(this.dir, f), { force: true });
    }
  }

  /**
   * The artifact for key: verified from the cache (hit), or built and stored
   * (miss; 'rebuilt' when a bad or stale copy was there). `accept` may reject
   * verified bytes whose contents make no sense (then they are rebuilt).
   */
  async resolve(
    name: string, key: string, ext: string, inputs: Record<string, string>, build: () => Promise<Uint8Array | string>,
    expect: { sha256?: string; accept?: (bytes: Buffer) => string | null } = {},
  ): Promise<{ bytes: Buffer; status: ArtifactStatus; reason?: string; unstored?: string }> {
    const state = this.inspect(name, key, { file: artifactFilePattern(name, ext), sha256: expect.sha256 });
    const rejected = state.status === 'valid' ? expect.accept?.(state.bytes!) ?? null : null;
    if (state.status === 'valid' && !rejected) {
      this.counts.hits++;
      return { bytes: state.bytes!, status: 'hit' };
    }
    if (state.status === 'invalid' || rejected) this.quarantine(state);
    const bytes = Buffer.from(await build());
    let unstored: string | undefined;
    try {
      this.put(name, key, ext, bytes, inputs);
    } catch (e) {
      // Used from memory this time; the next warmup tries again.
      unstored = (e as Error).message;
    }
    const status: ArtifactStatus = state.status === 'missing' ? 'miss' : 'rebuilt';
    if (status === 'miss') this.counts.misses++;
    else this.counts.rebuilt++;
    return { bytes, status, reason: rejected ?? state.reason, unstored };
  }

  /** Names of the manifest entries (no file is opened). */
  names(): string[] {
    try {
      return readdirSync(this.manifestDir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
    } catch {
      return [];
    }
  }

  /** Every manifest entry with its verification state (for `ta-grid doctor`; reads and hashes every file). */
  list(): ArtifactState[] {
    return this.names().map((n) => {
      const { bytes: _bytes, ...state } = this.inspect(n);
      return state;
    });
  }
}
