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
import hma from './hma.js';
import macd from './macd.js';
import variance from './variance.js';
import stddev from './stddev.js';
import bbands from './bbands.js';
import bbandsBandwidth from './bbands_bandwidth.js';
import bbandsPercentB from './bbands_percent_b.js';
import zscore from './zscore.js';
import hv from './hv.js';
import linreg from './linreg.js';
import tsf from './tsf.js';
import avgdev from './avgdev.js';
import cci from './cci.js';
import correl from './correl.js';
import beta from './beta.js';
import percentRank from './percent_rank.js';
import min from './min.js';
import max from './max.js';
import minmax from './minmax.js';
import midpoint from './midpoint.js';
import midprice from './midprice.js';
import minindex from './minindex.js';
import maxindex from './maxindex.js';
import minmaxindex from './minmaxindex.js';
import williamsR from './williams_r.js';
import donchian from './donchian.js';
import aroon from './aroon.js';
import stoch from './stoch.js';
import stochf from './stochf.js';
import chandelierExit from './chandelier_exit.js';
import ichimoku from './ichimoku.js';
import dema from './dema.js';
import tema from './tema.js';
import trix from './trix.js';
import t3 from './t3.js';
import zlema from './zlema.js';
import kama from './kama.js';
import trima from './trima.js';
import apo from './apo.js';
import ppo from './ppo.js';
import macdfix from './macdfix.js';
import macdext from './macdext.js';
import cmo from './cmo.js';
import mfi from './mfi.js';
import cmf from './cmf.js';
import adosc from './adosc.js';
import vwap from './vwap.js';
import volumeSma from './volume_sma.js';
import vwapDeviation from './vwap_deviation.js';
import vwma from './vwma.js';
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
import htDcperiod from './ht_dcperiod.js';
import htDcphase from './ht_dcphase.js';
import htPhasor from './ht_phasor.js';
import htSine from './ht_sine.js';
import htTrendmode from './ht_trendmode.js';
import htTrendline from './ht_trendline.js';
import mama from './mama.js';
import { PATTERN_STEPPERS } from './pattern/index.js';
import sum from './sum.js';
import candleStats from './candle_stats.js';
import candleStatsAtrNorm from './candle_stats_atr_norm.js';
import distanceToMaNorm from './distance_to_ma_norm.js';
import pivots from './pivots.js';
import fisher from './fisher.js';
import stochRsi from './stoch_rsi.js';

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
  'ma.hma': hma,
  'momentum.macd': macd,
  'volatility.variance': variance,
  'volatility.stddev': stddev,
  'volatility.bbands': bbands,
  'volatility.bbands_bandwidth': bbandsBandwidth,
  'volatility.bbands_percent_b': bbandsPercentB,
  'structure.zscore': zscore,
  'volatility.hv': hv,
  'trend.linreg': linreg,
  'structure.tsf': tsf,
  'structure.avgdev': avgdev,
  'momentum.cci': cci,
  'structure.correl': correl,
  'structure.beta': beta,
  'structure.percent_rank': percentRank,
  'structure.min': min,
  'structure.max': max,
  'structure.minmax': minmax,
  'structure.midpoint': midpoint,
  'structure.midprice': midprice,
  'structure.minindex': minindex,
  'structure.maxindex': maxindex,
  'structure.minmaxindex': minmaxindex,
  'momentum.williams_r': williamsR,
  'trend.donchian': donchian,
  'trend.aroon': aroon,
  'momentum.stoch': stoch,
  'momentum.stochf': stochf,
  'trend.chandelier_exit': chandelierExit,
  'trend.ichimoku': ichimoku,
  'ma.dema': dema,
  'ma.tema': tema,
  'momentum.trix': trix,
  'ma.t3': t3,
  'ma.zlema': zlema,
  'ma.kama': kama,
  'ma.trima': trima,
  'momentum.apo': apo,
  'momentum.ppo': ppo,
  'momentum.macdfix': macdfix,
  'momentum.macdext': macdext,
  'momentum.cmo': cmo,
  'volume.mfi': mfi,
  'volume.cmf': cmf,
  'volume.adosc': adosc,
  'volume.vwap': vwap,
  'volume.volume_sma': volumeSma,
  'volume.vwap_deviation': vwapDeviation,
  'ma.vwma': vwma,
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
  'cycle.ht_dcperiod': htDcperiod,
  'cycle.ht_dcphase': htDcphase,
  'cycle.ht_phasor': htPhasor,
  'cycle.ht_sine': htSine,
  'cycle.ht_trendmode': htTrendmode,
  'ma.ht_trendline': htTrendline,
  'ma.mama': mama,
  ...PATTERN_STEPPERS,
  'structure.sum': sum,
  'structure.candle_stats': candleStats,
  'structure.candle_stats_atr_norm': candleStatsAtrNorm,
  'structure.distance_to_ma_norm': distanceToMaNorm,
  'structure.pivots': pivots,
  'momentum.fisher': fisher,
  'momentum.stoch_rsi': stochRsi,
};

export type { Stepper, StepperContext, StepperFactory } from './types.js';
