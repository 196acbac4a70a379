import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { WarmupError } from '../errors.js';

/** Fails fast, naming the path and the fix, when the cache dir cannot be created or written. */
/**
 * mkdir -p, one level at a time: Node's recursive mkdir can spin forever on
 * virtual filesystems such as /proc, and a warmup must fail, not hang.
 */
function makeDirs(dir: string): void {
  const missing: string[] = [];
  let at = path.resolve(dir);
  while (!existsSync(at)) {
    missing.push(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const d of missing.reverse()) mkdirSync(d);
}

export function ensureWritable(dir: string): void {
  try {
    makeDirs(dir);
    const probe = path.join(dir, `.probe-${process.pid}-${randomBytes(4).toString('hex')}`);
    writeFileSync(probe, 'ok');
    rmSync(probe);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new WarmupError(
      `cache dir ${dir} is not writable (${code}: ${(e as Error).message}); point cacheDir / TA_GRID_CACHE_DIR at a writable directory (in containers, mount a volume there) or fix its permissions`,
      { cacheDir: dir, cause: code },
    );
  }
}

/** Writes through a temp file in the same directory and a rename, so readers never see half a file. */
export function atomicWrite(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function sha256File(file: string): string {
  return sha256(readFileSync(file));
}

/** One artifact's manifest entry, stored as `manifest/<name>.json` in the cache dir. */
export interface ArtifactEntry {
  name: string;
  /** What the artifact depends on, hashed: rebuilt when any of it changes. */
  key: string;
  /** File name inside the cache dir (content-addressed). */
  file: string;
  size: number;
  sha256: string;
  createdAt: string;
  inputs: Record<string, string>;
}

export type ArtifactStatus = 'hit' | 'miss' | 'rebuilt';

export interface ArtifactState {
  name: string;
  status: 'valid' | 'invalid' | 'stale' | 'missing';
  entry: ArtifactEntry | null;
  reason?: string;
}

/**
 * Artifacts in the cache dir. Each has a manifest entry with its key, size
 * and sha256, and a content-addressed file, both written atomically: two
 * processes building the same artifact at once each rename a complete file,
 * and an entry only ever names a file it has verified. An artifact that
 * fails verification is moved to quarantine/ and rebuilt, never loaded.
 */
export class ArtifactStore {
  readonly counts = { hits: 0, misses: 0, rebuilt: 0 };

  constructor(readonly dir: string) {}

  private get manifestDir(): string {
    return path.join(this.dir, 'manifest');
  }

  private entryPath(name: string): string {
    return path.join(this.manifestDir, `${name}.json`);
  }

  /** Reads and verifies an artifact against its manifest entry and the wanted key. */
  inspect(name: string, key?: string): ArtifactState {
    const ep = this.entryPath(name);
    if (!existsSync(ep)) return { name, status: 'missing', entry: null };
    let entry: ArtifactEntry;
    try {
      entry = JSON.parse(readFileSync(ep, 'utf8')) as ArtifactEntry;
    } catch (e) {
      return { name, status: 'invalid', entry: null, reason: `manifest entry unreadable: ${(e as Error).message}` };
    }
    if (key !== undefined && entry.key !== key) return { name, status: 'stale', entry, reason: 'inputs changed' };
    const file = path.join(this.dir, entry.file);
    if (!existsSync(file)) return { name, status: 'invalid', entry, reason: 'file missing' };
    const size = statSync(file).size;
    if (size !== entry.size) return { name, status: 'invalid', entry, reason: `size ${size}, manifest says ${entry.size}` };
    const digest = sha256File(file);
    if (digest !== entry.sha256) return { name, status: 'invalid', entry, reason: 'sha256 mismatch' };
    return { name, status: 'valid', entry };
  }

  /** Moves a failed artifact aside so it is never loaded again. */
  quarantine(state: ArtifactState): void {
    const qdir = path.join(this.dir, 'quarantine');
    mkdirSync(qdir, { recursive: true });
    const stamp = `${Date.now()}-${process.pid}`;
    for (const f of [state.entry && path.join(this.dir, state.entry.file), this.entryPath(state.name)]) {
      if (!f) continue;
      try {
        renameSync(f, path.join(qdir, `${path.basename(f)}.${stamp}`));
      } catch {
        // Already moved by another process, or never written.
      }
    }
  }

  /** A verified artifact for `key`, or null; an invalid one is quarantined. */
  lookup(name: string, key: string): { file: string; entry: ArtifactEntry } | null {
    const state = this.inspect(name, key);
    if (state.status === 'valid') return { file: path.join(this.dir, state.entry!.file), entry: state.entry! };
    if (state.status === 'invalid') this.quarantine(state);
    return null;
  }

  /** Stores bytes as the artifact for key; returns the file path. */
  put(name: string, key: string, ext: string, data: Uint8Array | string, inputs: Record<string, string>): string {
    const digest = sha256(data);
    const file = `${name}-${key.slice(0, 12)}-${digest.slice(0, 12)}${ext}`;
    atomicWrite(path.join(this.dir, file), data);
    const entry: ArtifactEntry = { name, key, file, size: Buffer.byteLength(data), sha256: digest, createdAt: new Date().toISOString(), inputs };
    mkdirSync(this.manifestDir, { recursive: true });
    atomicWrite(this.entryPath(name), JSON.stringify(entry, null, 2));
    this.pruneOlder(name, file);
    return path.join(this.dir, file);
  }

  /** Removes superseded files of an artifact (a loaded .node stays mapped after unlink). */
  private pruneOlder(name: string, keep: string): void {
    for (const f of readdirSync(this.dir)) {
      if (f !== keep && f.startsWith(`${name}-`) && !f.includes('.tmp-')) rmSync(path.join(this.dir, f), { force: true });
    }
  }

  /**
   * The artifact for key: verified from the cache (hit), or built and stored
   * (miss; 'rebuilt' when a bad or stale copy was there).
   */
  async resolve(name: string, key: string, ext: string, inputs: Record<string, string>, build: () => Promise<Uint8Array | string>): Promise<{ file: string; status: ArtifactStatus }> {
    const state = this.inspect(name, key);
    if (state.status === 'valid') {
      this.counts.hits++;
      return { file: path.join(this.dir, state.entry!.file), status: 'hit' };
    }
    if (state.status === 'invalid') this.quarantine(state);
    const file = this.put(name, key, ext, await build(), inputs);
    const status: ArtifactStatus = state.status === 'missing' ? 'miss' : 'rebuilt';
    if (status === 'miss') this.counts.misses++;
    else this.counts.rebuilt++;
    return { file, status };
  }

  /** Every manifest entry with its verification state (for `ta-grid doctor`). */
  list(): ArtifactState[] {
    if (!existsSync(this.manifestDir)) return [];
    return readdirSync(this.manifestDir).filter((f) => f.endsWith('.json')).map((f) => this.inspect(f.slice(0, -5)));
  }
}
