// Child process started by warmup: builds the host-tuned addon into the cache
// dir (argv[2]), signed with the key warmup passes in its environment, and
// removes the lock file (argv[3]). Failures are silent here; `ta-grid doctor`
// shows whether the artifact exists and verifies.
import { rmSync } from 'node:fs';
import { ArtifactStore } from './cache.js';
import { SIGNING_KEY_ENV, TUNED_NAME, buildTuned, tunedBuildPlan } from './artifacts.js';

const [cacheDir, lock] = process.argv.slice(2);
try {
  const key = process.env[SIGNING_KEY_ENV];
  if (!key || !/^[0-9a-f]{64}$/.test(key)) throw new Error(`${SIGNING_KEY_ENV} missing`);
  delete process.env[SIGNING_KEY_ENV]; // not inherited by the compiler
  const plan = tunedBuildPlan();
  const store = new ArtifactStore(cacheDir!, Buffer.from(key, 'hex'));
  if (!plan.unavailable && store.lookup(TUNED_NAME, plan.key).status !== 'valid') buildTuned(store, plan);
} catch {
  process.exitCode = 1;
} finally {
  if (lock) rmSync(lock, { force: true });
}
