// A backtest-style service embedding ta-grid: warm up at start, compute grids
// on request, answer /healthz and /metrics while a large grid computes.
//
//   node examples/service.mjs            # listens on PORT (default 3000)
//   curl -XPOST localhost:3000/compute -H 'content-type: application/json' \
//        -d '{"indicator":"ma.ema","t":525600,"grid":{"window":{"start":5,"stop":200}}}'
import Fastify from 'fastify';
import { Registry } from 'prom-client';
import { createEngine, TaGridError } from 'ta-grid';

// Configured from TA_GRID_* (cache dir: TA_GRID_CACHE_DIR, else per-user ~/.cache/ta-grid).
const engine = await createEngine();
await engine.warmup();

const registry = new Registry();
for (const metric of engine.metrics()) registry.registerMetric(metric);

/** Synthetic candles so the example runs on its own; a real service reads its own data. */
function candles(t) {
  const close = new Float64Array(t);
  let p = 100;
  for (let i = 0; i < t; i++) close[i] = p *= 1 + Math.sin(i * 0.37) * 0.001;
  return { ts_open: Float64Array.from({ length: t }, (_, i) => i * 60_000), close };
}

const app = Fastify({ logger: false });

app.get('/healthz', async (_req, reply) => {
  const h = engine.health();
  return reply.code(h.status === 'ok' ? 200 : 503).send(h);
});

app.get('/metrics', async (_req, reply) => reply.type(registry.contentType).send(await registry.metrics()));

app.post('/compute', async (req, reply) => {
  const { indicator, t = 10_000, grid } = req.body ?? {};
  try {
    const r = await engine.compute({ indicator, candles: candles(t), grid, timeoutMs: 60_000 });
    return { indicator: r.indicator, t: r.t, variants: r.variants, computeMs: r.meta.computeMs, last: Array.from(r.values().subarray(-Math.min(r.variants, 5))) };
  } catch (e) {
    if (e instanceof TaGridError) return reply.code(400).send(e.toJSON());
    throw e;
  }
});

const close = async () => {
  await app.close();
  await engine.close();
};
process.once('SIGTERM', close);
process.once('SIGINT', close);

const address = await app.listen({ port: Number(process.env.PORT ?? 3000), host: '127.0.0.1' });
console.log(JSON.stringify({ listening: address }));
