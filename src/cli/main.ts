#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command, Option } from 'commander';
import { PACKAGE_ROOT } from '../backends/paths.js';
import { indicatorTable } from '../docs.js';
import { TaGridError } from '../errors.js';
import { GROUPS, listIndicators } from '../registry/index.js';
import { runDemo } from './demo.js';
import { doctorReport, runWarmup, type CommonOptions } from './ops.js';
import { perfSmoke } from './perf-smoke.js';

const pkg = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };

const backendOption = () => new Option('--backend <name>', 'kernel backend').choices(['auto', 'native', 'wasm']);
const threadsOption = () => new Option('--threads <n>', 'worker threads (default: TA_GRID_NUM_THREADS or the core count)').argParser((v) => Number(v));

const program = new Command()
  .name('ta-grid')
  .description('Technical-indicator tensors over parameter grids on OHLCV candles.')
  .version(pkg.version);

program
  .command('list')
  .description('list the indicators: id, inputs, axes with bounds and defaults, outputs')
  .addOption(new Option('--group <group>', 'only this group').choices([...GROUPS]))
  .option('--json', 'machine-readable output')
  .action((o: { group?: string; json?: boolean }) => {
    const list = listIndicators().filter((i) => !o.group || i.group === o.group);
    if (o.json) return console.log(JSON.stringify(list, null, 2));
    for (const i of list) {
      const axes = i.axes.map((a) => (a.kind === 'source' ? a.name : a.kind === 'choice' ? `${a.name} ${a.values!.join('|')}` : `${a.name} ${a.kind} [${a.min}, ${a.max}]`)).join(', ');
      console.log(`${i.id.padEnd(32)} ${i.title}\n${''.padEnd(33)}inputs: ${i.inputs.join(', ')}; axes: ${axes}; outputs: ${i.outputs.map((x) => x.name).join(', ')}; ${i.convention}`);
    }
  });

program
  .command('docs')
  .description('print the indicator table (docs/indicators.md and the README table are written by npm run generate)')
  .action(() => console.log(indicatorTable()));

program
  .command('demo')
  .description('warm up and compute real grids on the bundled sample candles (what `npm start` runs)')
  .addOption(backendOption())
  .addOption(threadsOption())
  .action(async (o: { backend?: 'auto' | 'native' | 'wasm'; threads?: number }) => {
    await runDemo({ backend: o.backend, numThreads: o.threads });
  });

// `ta-grid list | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

program
  .command('bench')
  .description('benchmark suites (catalogue, grid, threads, plain, startup, lag; and abort, rss, prepared, cluster, wasm on request) beside the memory floor and peer libraries; --compare gates on a stored baseline')
  .option('--quick', 'a smaller workload (131,400 candles, fewer runs)')
  .option('--json', 'machine-readable report on stdout')
  .option('--suite <list>', 'comma-separated suites: catalogue,grid,threads,plain,startup,lag,abort,rss,prepared,cluster,wasm')
  .option('--only <regex>', 'only indicators whose id matches (catalogue suite)')
  .option('--compare <baseline.json>', 'compare with a stored --json report; exit 1 past the threshold')
  .option('--threshold <percent>', 'regression threshold for --compare', '15')
  .action(async (o: Record<string, string | boolean | undefined>) => {
    const argv = Object.entries(o).flatMap(([k, v]) => (v === true ? [`--${k}`] : typeof v === 'string' ? [`--${k}`, v] : []));
    process.argv = [process.argv[0]!, 'bench', ...argv];
    await import(pathToFileURL(path.join(PACKAGE_ROOT, 'bench', 'run.mjs')).href);
  });

const common = (c: Command) => c
  .addOption(backendOption())
  .addOption(threadsOption())
  .option('--cache-dir <dir>', 'artifact cache dir (default: TA_GRID_CACHE_DIR, else $XDG_CACHE_HOME/ta-grid or ~/.cache/ta-grid)')
  .option('--config <file>', 'YAML config file (default: TA_GRID_CONFIG)');
const toOptions = (o: { backend?: CommonOptions['backend']; threads?: number; cacheDir?: string; config?: string }): CommonOptions => ({
  backend: o.backend, numThreads: o.threads, cacheDir: o.cacheDir, configFile: o.config,
});

common(program.command('warmup'))
  .description('prepare the cache dir (e.g. in a deploy step): verify or build every artifact, including the host-tuned addon, spawn the workers and self-test the kernels')
  .option('--json', 'print the warmup report as JSON')
  .action(async (o) => runWarmup({ ...toOptions(o), json: o.json }));

common(program.command('perf-smoke'))
  .description('after a deploy: warm up with the service config, run a small workload across the catalogue, check it against shipped reference values and check the first compute is not abnormally slow; prints a JSON report, exits 1 with the reason on one line')
  .option('--max-first-ratio <x>', 'fail when the first compute takes more than x times the steady state', '3')
  .option('--reference <file>', 'reference values (default: the ones shipped with the package)')
  .action(async (o) => {
    const report = await perfSmoke({ ...toOptions(o), maxFirstRatio: Number(o.maxFirstRatio), referenceFile: o.reference });
    console.log(JSON.stringify(report, null, 2));
    if (!report.ok) {
      console.error(`ta-grid perf-smoke failed: ${report.reason}`);
      process.exitCode = 1;
    }
  });

common(program.command('doctor'))
  .description('effective config and where each value came from, cache dir trust and key, the load order (host-tuned, packaged prebuild, wasm) and why, CPU features, cache contents and their verification state')
  .action((o) => console.log(JSON.stringify(doctorReport(toOptions(o)), null, 2)));

/** bullmq and ioredis are optional peer dependencies: only cluster users install them. */
async function importClusterWorker(): Promise<typeof import('../cluster/worker.js')> {
  try {
    return await import('../cluster/worker.js');
  } catch (e) {
    const missing = /Cannot find (package|module) '(bullmq|ioredis)'/.exec(String((e as Error)?.message))?.[2];
    if (!missing) throw e;
    const { ClusterUnavailableError } = await import('../cluster/errors.js');
    throw new ClusterUnavailableError(`ta-grid worker needs the ${missing} package, an optional peer dependency: npm install bullmq@5 ioredis@5`, { missing });
  }
}

// ta-grid/cluster: a worker process pulling shards from Redis (docs/cluster.md).
common(program.command('worker'))
  .description('compute shards of cluster jobs (ta-grid/cluster) from a Redis queue into a shared store; stops gracefully on SIGTERM/SIGINT')
  .requiredOption('--redis <url>', 'Redis URL, e.g. redis://127.0.0.1:6379')
  .requiredOption('--store <dir>', 'store directory shared with the clients and the other workers')
  .option('--concurrency <n>', 'shards at once (each uses all threads)', (v) => Number(v), 1)
  .option('--reducer <path...>', 'reducer modules this worker may load')
  .option('--prefix <prefix>', 'BullMQ key prefix', 'bull')
  .option('--lock-ms <ms>', 'a shard whose worker is silent this long goes to another worker', (v) => Number(v))
  .action(async (o) => {
    const { startWorker } = await importClusterWorker();
    const worker = await startWorker({
      redis: o.redis, store: o.store, concurrency: o.concurrency, prefix: o.prefix, reducers: o.reducer,
      lockDurationMs: o.lockMs, stalledIntervalMs: o.lockMs, engine: toOptions(o),
    });
    const stop = () => { worker.close().then(() => process.exit(0), () => process.exit(1)); };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });

program.parseAsync().catch((e: unknown) => {
  if (e instanceof TaGridError) {
    console.error(`ta-grid: ${e.message} [${e.code}]`);
    process.exitCode = 2;
  } else {
    console.error(e instanceof Error ? e.stack ?? e.message : e);
    process.exitCode = 1;
  }
});
