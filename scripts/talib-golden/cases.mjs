// The TA-Lib calls of the extended fixture: function, parameter sets (TA-Lib
// optIn names; unlisted optIns take TA-Lib's defaults) and inputs.

/** TA-Lib's moving-average types, by optIn value. */
export const MA_TYPES = ['SMA', 'EMA', 'WMA', 'DEMA', 'TEMA', 'TRIMA', 'KAMA', 'MAMA', 'T3'];

export const PATTERNS = [
  'CDL2CROWS', 'CDL3BLACKCROWS', 'CDL3INSIDE', 'CDL3LINESTRIKE', 'CDL3OUTSIDE', 'CDL3STARSINSOUTH', 'CDL3WHITESOLDIERS',
  'CDLABANDONEDBABY', 'CDLADVANCEBLOCK', 'CDLBELTHOLD', 'CDLBREAKAWAY', 'CDLCLOSINGMARUBOZU', 'CDLCONCEALBABYSWALL',
  'CDLCOUNTERATTACK', 'CDLDARKCLOUDCOVER', 'CDLDOJI', 'CDLDOJISTAR', 'CDLDRAGONFLYDOJI', 'CDLENGULFING',
  'CDLEVENINGDOJISTAR', 'CDLEVENINGSTAR', 'CDLGAPSIDESIDEWHITE', 'CDLGRAVESTONEDOJI', 'CDLHAMMER', 'CDLHANGINGMAN',
  'CDLHARAMI', 'CDLHARAMICROSS', 'CDLHIGHWAVE', 'CDLHIKKAKE', 'CDLHIKKAKEMOD', 'CDLHOMINGPIGEON', 'CDLIDENTICAL3CROWS',
  'CDLINNECK', 'CDLINVERTEDHAMMER', 'CDLKICKING', 'CDLKICKINGBYLENGTH', 'CDLLADDERBOTTOM', 'CDLLONGLEGGEDDOJI',
  'CDLLONGLINE', 'CDLMARUBOZU', 'CDLMATCHINGLOW', 'CDLMATHOLD', 'CDLMORNINGDOJISTAR', 'CDLMORNINGSTAR', 'CDLONNECK',
  'CDLPIERCING', 'CDLRICKSHAWMAN', 'CDLRISEFALL3METHODS', 'CDLSEPARATINGLINES', 'CDLSHOOTINGSTAR', 'CDLSHORTLINE',
  'CDLSPINNINGTOP', 'CDLSTALLEDPATTERN', 'CDLSTICKSANDWICH', 'CDLTAKURI', 'CDLTASUKIGAP', 'CDLTHRUSTING', 'CDLTRISTAR',
  'CDLUNIQUE3RIVER', 'CDLUPSIDEGAP2CROWS', 'CDLXSIDEGAP3METHODS',
];

/** Patterns with an optInPenetration, and TA-Lib's default for it. */
export const PENETRATION = {
  CDLABANDONEDBABY: 0.3, CDLDARKCLOUDCOVER: 0.5, CDLEVENINGDOJISTAR: 0.3, CDLEVENINGSTAR: 0.3,
  CDLMATHOLD: 0.5, CDLMORNINGDOJISTAR: 0.3, CDLMORNINGSTAR: 0.3,
};

const period = (...ns) => ns.map((n, i) => ({ label: i === 0 ? 'default' : `n${n}`, params: { optInTimePeriod: n } }));
const maTypes = (base, ...keys) => MA_TYPES.map((name, m) => ({
  label: name.toLowerCase(), params: { ...base, ...Object.fromEntries(keys.map((k) => [k, m])) },
}));

/** Functions on real-valued candles: each runs on every dataset given in `DATASETS_FOR_LINES`. */
export const LINE_CASES = {
  MAMA: [
    { label: 'default', params: { optInFastLimit: 0.5, optInSlowLimit: 0.05 } },
    { label: 'slow', params: { optInFastLimit: 0.3, optInSlowLimit: 0.1 } },
    { label: 'fast', params: { optInFastLimit: 0.8, optInSlowLimit: 0.02 } },
  ],
  HT_TRENDLINE: [{ label: 'default', params: {} }],
  HT_DCPERIOD: [{ label: 'default', params: {} }],
  HT_DCPHASE: [{ label: 'default', params: {} }],
  HT_PHASOR: [{ label: 'default', params: {} }],
  HT_SINE: [{ label: 'default', params: {} }],
  HT_TRENDMODE: [{ label: 'default', params: {} }],
  SAREXT: [
    { label: 'default', params: {} },
    { label: 'asymmetric', params: { optInAccelerationInitLong: 0.01, optInAccelerationLong: 0.01, optInAccelerationMaxLong: 0.1, optInAccelerationInitShort: 0.03, optInAccelerationShort: 0.02, optInAccelerationMaxShort: 0.3 } },
    { label: 'start-long-offset', params: { optInStartValue: 1, optInOffsetOnReverse: 0.01 } },
    { label: 'start-short', params: { optInStartValue: -1000, optInOffsetOnReverse: 0.02 } },
  ],
  ACCBANDS: period(20, 5, 60),
  MACDEXT: [
    ...maTypes({ optInFastPeriod: 12, optInSlowPeriod: 26, optInSignalPeriod: 9 }, 'optInFastMAType', 'optInSlowMAType', 'optInSignalMAType'),
    { label: 'mixed', params: { optInFastPeriod: 5, optInFastMAType: 2, optInSlowPeriod: 20, optInSlowMAType: 0, optInSignalPeriod: 4, optInSignalMAType: 1 } },
  ],
  MACDFIX: [{ label: 'default', params: { optInSignalPeriod: 9 } }, { label: 's3', params: { optInSignalPeriod: 3 } }, { label: 's20', params: { optInSignalPeriod: 20 } }],
  STOCH: [
    ...maTypes({ optInFastK_Period: 5, optInSlowK_Period: 3, optInSlowD_Period: 3 }, 'optInSlowK_MAType', 'optInSlowD_MAType'),
    { label: 'mixed', params: { optInFastK_Period: 14, optInSlowK_Period: 4, optInSlowK_MAType: 1, optInSlowD_Period: 5, optInSlowD_MAType: 2 } },
  ],
  STOCHF: maTypes({ optInFastK_Period: 5, optInFastD_Period: 3 }, 'optInFastD_MAType'),
  STOCHRSI: maTypes({ optInTimePeriod: 14, optInFastK_Period: 5, optInFastD_Period: 3 }, 'optInFastD_MAType'),
  BBANDS: [
    ...maTypes({ optInTimePeriod: 20, optInNbDevUp: 2, optInNbDevDn: 2 }, 'optInMAType'),
    { label: 'asymmetric', params: { optInTimePeriod: 10, optInNbDevUp: 1.5, optInNbDevDn: 2.5, optInMAType: 1 } },
  ],
  PPO: maTypes({ optInFastPeriod: 12, optInSlowPeriod: 26 }, 'optInMAType'),
  APO: maTypes({ optInFastPeriod: 12, optInSlowPeriod: 26 }, 'optInMAType'),
  PLUS_DM: period(14, 1, 2, 50),
  MINUS_DM: period(14, 1, 2, 50),
  ROCP: period(10, 1, 100),
  ROCR: period(10, 1, 100),
  ROCR100: period(10, 1, 100),
  IMI: period(14, 2, 50),
  AVGDEV: period(14, 2, 100),
  TSF: period(14, 2, 100),
  MAXINDEX: period(30, 2, 100),
  MININDEX: period(30, 2, 100),
  MINMAX: period(30, 2, 100),
  MINMAXINDEX: period(30, 2, 100),
  BETA: [
    { label: 'default', params: { optInTimePeriod: 5 }, inputs: { inReal0: 'close', inReal1: 'open' } },
    { label: 'high-low', params: { optInTimePeriod: 30 }, inputs: { inReal0: 'high', inReal1: 'low' } },
    { label: 'n1', params: { optInTimePeriod: 1 }, inputs: { inReal0: 'close', inReal1: 'high' } },
  ],
  CORREL: [
    { label: 'default', params: { optInTimePeriod: 30 }, inputs: { inReal0: 'close', inReal1: 'open' } },
    { label: 'high-low', params: { optInTimePeriod: 10 }, inputs: { inReal0: 'high', inReal1: 'low' } },
    { label: 'close-volume', params: { optInTimePeriod: 2 }, inputs: { inReal0: 'close', inReal1: 'volume' } },
  ],
};

/** Pattern calls: defaults, plus a low and a high penetration where TA-Lib has one. */
export function patternCases() {
  return PATTERNS.flatMap((f) => {
    const p = PENETRATION[f];
    if (p === undefined) return [{ function: f, label: 'default', params: {} }];
    return [
      { function: f, label: 'default', params: { optInPenetration: p } },
      { function: f, label: 'p0.1', params: { optInPenetration: 0.1 } },
      { function: f, label: 'p0.8', params: { optInPenetration: 0.8 } },
    ];
  });
}
