// The indicators by id: the definitions of src/indicators/ in their fixed
// order, lookup with a helpful error, and the public listing.
import { UnknownIndicatorError } from '../errors.js';
import { DEFINITIONS } from '../indicators/index.js';
import { compileFormula, FormulaError, type Formula } from '../indicators/formula.js';
import { GROUPS, type IndicatorDef, type Lookback, type ParamValues } from '../indicators/types.js';

export * from '../indicators/types.js';

/** Every indicator, groups in their fixed order (one file each under src/indicators/<group>/). */
export const INDICATORS: readonly IndicatorDef[] = DEFINITIONS;

const byId = new Map(INDICATORS.map((d) => [d.id, d]));

/**
 * Each definition's lookback formulas, parsed and checked against its param
 * names once, when the registry loads: one per output name.
 */
function compileLookback(def: IndicatorDef): ReadonlyMap<string, Formula> {
  const names = def.params.map((p) => p.name);
  const outputs = def.outputs.map((o) => o.name);
  const lb = def.lookback;
  const fail = (why: string): never => {
    throw new Error(`${def.id}: lookback ${why}`);
  };
  const compile = (src: unknown, where: string) => {
    try {
      return compileFormula(src as string, names);
    } catch (e) {
      if (e instanceof FormulaError) return fail(`${where}${e.message}`);
      throw e;
    }
  };
  const byOutput = new Map<string, Formula>();
  if (typeof lb === 'string') {
    const f = compile(lb, '');
    for (const o of outputs) byOutput.set(o, f);
  } else if (typeof lb === 'object' && lb !== null) {
    for (const key of Object.keys(lb)) if (!outputs.includes(key)) fail(`names '${key}', not an output (the outputs are ${outputs.join(', ')})`);
    for (const o of outputs) {
      if (!Object.hasOwn(lb, o)) fail(`gives no formula for output '${o}'`);
      byOutput.set(o, compile(lb[o], `of '${o}': `));
    }
  } else {
    fail(`must be a formula string or a record of formula strings per output, got ${typeof lb}`);
  }
  return byOutput;
}

const lookbacks = new Map(INDICATORS.map((d) => [d.id, compileLookback(d)]));

/** Lookback of one output of an indicator for the given params (the definition's formula, evaluated). */
export function outputLookback(def: IndicatorDef, params: ParamValues, output: string): number {
  const formulas = lookbacks.get(def.id) ?? compileLookback(def);
  const f = formulas.get(output);
  if (!f) throw new Error(`${def.id} has no output '${output}'; its outputs are ${[...formulas.keys()].join(', ')}`);
  return f.evaluate(params);
}

export function getIndicator(id: unknown): IndicatorDef {
  if (typeof id !== 'string') {
    throw new UnknownIndicatorError(`indicator must be a string id like 'ma.sma', got ${typeof id}`, { indicator: id });
  }
  const def = byId.get(id);
  if (!def) {
    const close = INDICATORS.filter((d) => d.id.endsWith(`.${id.split('.').pop()}`)).map((d) => d.id);
    const hint = close.length ? ` Did you mean ${close.map((c) => `'${c}'`).join(' or ')}?` : '';
    throw new UnknownIndicatorError(
      `unknown indicator '${id}'.${hint} Run \`ta-grid list\` or call listIndicators() for the ${INDICATORS.length} available ids.`,
      { indicator: id },
    );
  }
  return def;
}

/** Public listing: what each indicator reads, sweeps and returns. */
export interface IndicatorInfo {
  id: string;
  group: string;
  title: string;
  inputs: string[];
  axes: { name: string; kind: 'source' | 'int' | 'float'; min?: number; max?: number; default: unknown; description: string }[];
  outputs: { name: string; description: string }[];
  /**
   * Index of the first value on NaN-free candles, as a formula over the axis
   * names (numbers, + - * /, parentheses, max, min, floor, ceil, sqrt); a
   * record gives one formula per output when they differ.
   */
  lookback: Lookback;
  convention: string;
}

export function describeIndicator(def: IndicatorDef): IndicatorInfo {
  const axes: IndicatorInfo['axes'] = [];
  if (def.inputs.includes('source')) {
    axes.push({ name: 'source', kind: 'source', default: def.defaultSource ?? ['close'], description: 'price series the indicator reads' });
  }
  for (const p of def.params) axes.push({ name: p.name, kind: p.kind, min: p.min, max: p.max, default: p.default, description: p.description });
  return {
    id: def.id,
    group: def.group,
    title: def.title,
    inputs: [...def.inputs],
    axes,
    outputs: def.outputs.map((o) => ({ ...o })),
    lookback: typeof def.lookback === 'string' ? def.lookback : { ...def.lookback },
    convention: def.convention,
  };
}

export function listIndicators(): IndicatorInfo[] {
  return INDICATORS.map(describeIndicator);
}

// The fixed group order is part of the contract; fail at load if the generated list breaks it.
for (let i = 1; i < INDICATORS.length; i++) {
  if (GROUPS.indexOf(INDICATORS[i]!.group) < GROUPS.indexOf(INDICATORS[i - 1]!.group)) {
    throw new Error(`registry out of group order at ${INDICATORS[i]!.id}`);
  }
}
