/**
 * ta-grid/cluster: grids larger than one machine, as BullMQ jobs on Redis.
 * createCluster() submits (one flow per grid: a parent and one child per
 * shard of variants), startWorker() / `ta-grid worker` computes shards into
 * a shared store of Arrow IPC files. See docs/cluster.md.
 */
export { createCluster, Cluster, ClusterJob, type ClusterOptions } from './client.js';
export { startWorker, type ClusterWorker, type WorkerOptions } from './worker.js';
export { ClusterResult, ShardResult } from './result.js';
export { DirStore, type ClusterStore } from './store.js';
export { ShardFailedError, ClusterUnavailableError, ResultUnavailableError } from './errors.js';
export type { ClusterRequest } from './plan.js';
export type { ShardProgress } from './protocol.js';
