// The naive pattern references against TA-Lib itself: on the golden candles
// (every pattern triggered, flat and gapped bars included) each reference
// must give TA-Lib's output bar for bar. The parity suite then compares the
// kernels with references that are known to be right, even for patterns its
// random candles rarely form.
import { describe, expect, it } from 'vitest';
import { GOLDEN, expectedSeries, loadGolden } from './golden/index.js';
import { REFERENCES } from './reference/index.js';

const golden = loadGolden();
const cases = golden.cases.filter((c) => GOLDEN[c.function]?.id.startsWith('pattern.'));

describe('naive pattern references = TA-Lib', () => {
  it.each(cases.map((c) => [`${c.function} ${c.label} on ${c.dataset}`, c] as const))('%s', (_name, c) => {
    const map = GOLDEN[c.function]!;
    const candles = golden.datasets[c.dataset]!;
    const inputs = ['open', 'high', 'low', 'close'].map((k) => Float64Array.from(candles[k]!));
    const got = REFERENCES[map.id]!(inputs, map.params(c.params, c.inputMap) as Record<string, number>)[0]!;
    const want = expectedSeries(c, 'outInteger', inputs[0]!.length);
    const at = want.findIndex((w, t) => (Number.isNaN(w) ? !Number.isNaN(got[t]!) : w !== got[t]));
    expect(at, `${c.function} ${c.label}: bar ${at} reference ${got[at]}, TA-Lib ${want[at]}`).toBe(-1);
  });
});
