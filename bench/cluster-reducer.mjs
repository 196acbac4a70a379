// Reducer for `npm run bench -- --suite cluster`: the last value of each
// variant (O(variants), so the figures measure the cluster, not the reducer).
export function reduce(shard) {
  const values = shard.values(shard.outputs[0]);
  const last = new Float64Array(shard.variants);
  for (let k = 0; k < shard.variants; k++) {
    last[k] = shard.layout === 'time-major' ? values[(shard.t - 1) * shard.variants + k] : values[(k + 1) * shard.t - 1];
  }
  return { last };
}
