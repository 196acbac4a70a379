export { createEngine, Engine, type ComputeRequest, type WarmupReport, type EngineHealth, type PreparedCandles } from './engine/engine.js';
export { ComputeResult, type Dtype, type Layout, type ResultMeta } from './engine/result.js';
export type { Estimate, EstimateRequest } from './engine/request.js';
export { listIndicators, describeIndicator, SOURCES, SOURCE_INPUTS, isSourceInput, GROUPS, type IndicatorInfo, type Lookback, type SourceName, type AxisSpec, type RangeSpec } from './registry/index.js';
export type { GridSpec, AxisValue, VariantParams } from './grid/grid.js';
export type { CandleArrays, CandlesInput } from './candles/candles.js';
export type { EngineOptions, EffectiveConfig } from './runtime/config.js';
export type { Logger } from './runtime/logger.js';
export * from './errors.js';
