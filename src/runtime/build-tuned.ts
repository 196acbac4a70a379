// Child process started by warmup: builds the host-tuned addon into the cache
// dir (argv[2]) and removes the lock file (argv[3]). Failures are silent here;
// `ta-grid doctor` shows whether the artifact exists and verifies.
import { rmSync } from 'node:fs';
import { ArtifactStore } from './cache.js';
import { buildTuned, tunedBuildPlan } from './artifacts.js';

const [cacheDir, lock] = process.argv.slice(2);
try {
  const plan = tunedBuildPlan();
  const store = new ArtifactStore(cacheDir!);
  if (!plan.unavailable && !store.lookup('native-tuned', plan.key)) buildTuned(store, plan);
} catch {
  process.exitCode = 1;
} finally {
  if (lock) rmSync(lock, { force: true });
}
