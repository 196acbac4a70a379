// The libraries people would pick instead, loaded from bench/peers (installed
// apart by `npm run bench:peers`). Each adapter computes one variant of one
// indicator from plain Arrays (talib 1.1.6 and tulind read only plain Arrays;
// a Float64Array silently gives garbage), so inputs are converted once,
// outside the timed region. A peer that is not installed is reported missing.
import { createRequire } from 'node:module';

const requirePeer = createRequire(new URL('./peers/package.json', import.meta.url));

function load(name) {
  try {
    return { mod: requirePeer(name), error: null };
  } catch (e) {
    return { mod: null, error: e.message.split('\n')[0] };
  }
}

/** Our window-only indicators and what each peer calls them. */
const TULIND = { SMA: 'sma', EMA: 'ema', WMA: 'wma', DEMA: 'dema', TEMA: 'tema', TRIMA: 'trima', KAMA: 'kama', RSI: 'rsi', ATR: 'atr', NATR: 'natr', ROC: 'roc', MOM: 'mom', CMO: 'cmo', WILLR: 'willr', CCI: 'cci', MFI: 'mfi', MAX: 'max', MIN: 'min', SUM: 'sum', TRIX: 'trix', AROONOSC: 'aroonosc', ADX: 'adx', DX: 'dx', STDDEV: 'stddev', VAR: 'var', LINEARREG: 'linreg' };
const TI = { SMA: 'SMA', EMA: 'EMA', WMA: 'WMA', RSI: 'RSI', ATR: 'ATR', ROC: 'ROC', CCI: 'CCI', WILLR: 'WilliamsR', MFI: 'MFI', TRIX: 'TRIX', ADX: 'ADX' };

/** Which candle columns a TA-Lib function reads, in our names. */
const HLC = new Set(['ATR', 'NATR', 'WILLR', 'CCI', 'ADX', 'DX', 'PLUS_DI', 'MINUS_DI']);

export function loadPeers() {
  const talib = load('talib');
  const tulind = load('tulind');
  const ti = load('technicalindicators');
  return [
    {
      name: 'talib', version: talib.mod?.version ?? null, missing: talib.error,
      // Only single-input, optInTimePeriod-only functions: talib 1.1.6 aborts the
      // process (not an exception) on a call it cannot run.
      supports: (fn) => {
        const e = talib.mod?.explain?.(fn);
        return Boolean(e && e.optInputs.length === 1 && e.optInputs[0].name === 'optInTimePeriod' && e.inputs.length === 1
          && ['inReal', 'inPriceHLC', 'inPriceHLCV'].includes(e.inputs[0].name));
      },
      run: (fn, cols, period) => {
        const inputs = HLC.has(fn) ? { high: cols.high, low: cols.low, close: cols.close } : fn === 'MFI' ? { high: cols.high, low: cols.low, close: cols.close, volume: cols.volume } : { inReal: cols.close };
        const r = talib.mod.execute({ name: fn, startIdx: 0, endIdx: cols.close.length - 1, ...inputs, optInTimePeriod: period });
        return { begin: r.begIndex, values: Object.values(r.result)[0] };
      },
    },
    {
      name: 'tulind', version: tulind.mod?.version ?? null, missing: tulind.error,
      supports: (fn) => Boolean(tulind.mod && TULIND[fn] && tulind.mod.indicators[TULIND[fn]]),
      run: (fn, cols, period) => {
        const ind = tulind.mod.indicators[TULIND[fn]];
        const inputs = ind.input_names.map((n) => cols[n === 'real' ? 'close' : n]);
        let out;
        ind.indicator(inputs, [period], (err, res) => { if (err) throw new Error(err); out = res[0]; });
        return { begin: cols.close.length - out.length, values: out };
      },
    },
    {
      name: 'technicalindicators', version: ti.mod ? '3.1.0' : null, missing: ti.error,
      supports: (fn) => Boolean(ti.mod && TI[fn]),
      run: (fn, cols, period) => {
        const input = HLC.has(fn) || fn === 'MFI' ? { high: cols.high, low: cols.low, close: cols.close, volume: cols.volume, period } : { values: cols.close, period };
        const out = ti.mod[TI[fn]].calculate(input);
        return { begin: cols.close.length - out.length, values: out };
      },
    },
  ];
}
