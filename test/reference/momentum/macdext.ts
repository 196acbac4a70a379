import { bySegments, nanArray, type ReferenceFn } from '../common.js';
import { maLookback, movingAverage } from '../matype.js';

// TA-Lib MACDEXT: both averages first valid on the same bar (each starting its
// own lookback before it), the signal over the line from there.
const reference: ReferenceFn = ([x], p, { fast_matype, slow_matype, signal_matype }) =>
  bySegments([x!], 3, ([s]) => {
    let [f, ft, sl, st] = [p.fast!, fast_matype!, p.slow!, slow_matype!];
    if (sl < f) [f, ft, sl, st] = [sl, st, f, ft];
    const begin = Math.max(maLookback(ft, f), maLookback(st, sl));
    const macd = nanArray(s!.length), signal = nanArray(s!.length), hist = nanArray(s!.length);
    if (begin >= s!.length) return [macd, signal, hist];
    const fastMa = movingAverage(ft, f, s!, begin - maLookback(ft, f));
    const slowMa = movingAverage(st, sl, s!, begin - maLookback(st, sl));
    const line = nanArray(s!.length);
    for (let t = begin; t < s!.length; t++) line[t] = fastMa[t]! - slowMa[t]!;
    const sig = movingAverage(signal_matype!, p.signal!, line, begin);
    for (let t = begin + maLookback(signal_matype!, p.signal!); t < s!.length; t++) {
      macd[t] = line[t]!;
      signal[t] = sig[t]!;
      hist[t] = line[t]! - sig[t]!;
    }
    return [macd, signal, hist];
  });

export default reference;
