import { period, type GoldenMapping } from './types.js';

const fastSlow = (p: Record<string, number>) => ({ fast: p.optInFastPeriod!, slow: p.optInSlowPeriod! });
const fastSlowSignal = (p: Record<string, number>) => ({ ...fastSlow(p), signal: p.optInSignalPeriod! });
const macdOutputs = { outMACD: 'macd', outMACDSignal: 'signal', outMACDHist: 'hist' };

export const momentum: Record<string, GoldenMapping> = {
  RSI: { id: 'momentum.rsi', params: period, outputs: { outReal: 'rsi' } },
  ROC: { id: 'momentum.roc', params: period, outputs: { outReal: 'roc' } },
  MOM: { id: 'momentum.mom', params: period, outputs: { outReal: 'mom' } },
  CMO: { id: 'momentum.cmo', params: period, outputs: { outReal: 'cmo' } },
  MACD: { id: 'momentum.macd', params: fastSlowSignal, outputs: macdOutputs },
  // MACDEXT with all three MA types EMA is MACD.
  MACDEXT: { id: 'momentum.macd', params: fastSlowSignal, outputs: macdOutputs },
  // TA-Lib's PPO has no signal line; the ppo output does not depend on it.
  PPO: { id: 'momentum.ppo', params: (p) => ({ ...fastSlow(p), signal: 9 }), outputs: { outReal: 'ppo' } },
  // Our APO is EMA-based: only TA-Lib's matype 1 cases apply.
  APO: { id: 'momentum.apo', params: fastSlow, outputs: { outReal: 'apo' }, only: (p) => p.optInMAType === 1 },
  TRIX: { id: 'momentum.trix', params: period, outputs: { outReal: 'trix' } },
  BOP: { id: 'momentum.bop', params: () => ({}), outputs: { outReal: 'bop' } },
};
