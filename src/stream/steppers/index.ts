// Indicators a stream steps in O(1) per bar and variant; every other id
// recomputes its current gap-free run with the batch kernel (src/stream/stream.ts).
import type { StepperFactory } from './types.js';
import sma from './sma.js';
import ema from './ema.js';
import rma from './rma.js';
import rsi from './rsi.js';
import atr from './atr.js';
import natr from './natr.js';
import mom from './mom.js';
import roc from './roc.js';
import rocp from './rocp.js';
import rocr from './rocr.js';
import rocr100 from './rocr100.js';
import tr from './tr.js';
import obv from './obv.js';
import ad from './ad.js';
import bop from './bop.js';
import wma from './wma.js';
import macd from './macd.js';
import adx from './adx.js';
import adxr from './adxr.js';
import plusDm from './plus_dm.js';
import minusDm from './minus_dm.js';
import psar from './psar.js';
import sarext from './sarext.js';
import supertrend from './supertrend.js';
import keltner from './keltner.js';
import vortex from './vortex.js';
import ultosc from './ultosc.js';
import imi from './imi.js';
import accbands from './accbands.js';

export const STEPPERS: Readonly<Record<string, StepperFactory>> = {
  'ma.sma': sma,
  'ma.ema': ema,
  'ma.rma': rma,
  'momentum.rsi': rsi,
  'volatility.atr': atr,
  'volatility.natr': natr,
  'momentum.mom': mom,
  'momentum.roc': roc,
  'momentum.rocp': rocp,
  'momentum.rocr': rocr,
  'momentum.rocr100': rocr100,
  'volatility.tr': tr,
  'volume.obv': obv,
  'volume.ad': ad,
  'momentum.bop': bop,
  'ma.wma': wma,
  'momentum.macd': macd,
  'trend.adx': adx,
  'trend.adxr': adxr,
  'momentum.plus_dm': plusDm,
  'momentum.minus_dm': minusDm,
  'trend.psar': psar,
  'trend.sarext': sarext,
  'trend.supertrend': supertrend,
  'trend.keltner': keltner,
  'trend.vortex': vortex,
  'momentum.ultosc': ultosc,
  'momentum.imi': imi,
  'volatility.accbands': accbands,
};

export type { Stepper, StepperContext, StepperFactory } from './types.js';
