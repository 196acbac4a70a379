// Indicators a stream steps in O(1) per bar and variant; every other id
// recomputes its current gap-free run with the batch kernel (src/stream/stream.ts).
import type { StepperFactory } from './types.js';
import sma from './sma.js';
import ema from './ema.js';
import rma from './rma.js';
import rsi from './rsi.js';
import atr from './atr.js';
import natr from './natr.js';

export const STEPPERS: Readonly<Record<string, StepperFactory>> = {
  'ma.sma': sma,
  'ma.ema': ema,
  'ma.rma': rma,
  'momentum.rsi': rsi,
  'volatility.atr': atr,
  'volatility.natr': natr,
};

export type { Stepper, StepperContext, StepperFactory } from './types.js';
