// The indicators by id: the definitions of src/indicators/ in their fixed
// order, lookup with a helpful error, and the public listing.
import { UnknownIndicatorError } from '../errors.js';
import { DEFINITIONS } from '../indicators/index.js';
import { ALIASES, type AliasDef } from '../indicators/aliases.js';
import { compileFormula, FormulaError, type Formula } from '../indicators/formula.js';
import { GROUPS, sourceAxes, type IndicatorDef, type Lookback, type ParamValues } from '../indicators/types.js';

export * from '../indicators/types.js';
export type { AliasDef } from '../indicators/aliases.js';

/** Every indicator, groups in their fixed order (one file each under src/indicators/<group>/). */
export const INDICATORS: readonly IndicatorDef[] = DEFINITIONS;

const byId = new Map(INDICATORS.map((d) => [d.id, d]));

/**
 * Each definition's lookback formulas, parsed and checked against its param
 * names once, when the registry loads: one per output name.
 */
function compileLookback(def: IndicatorDef): ReadonlyMap<string, Formula> {
  const names = def.params.map((p) => p.name);
  const choices = Object.fromEntries(def.params.flatMap((p) => (p.kind === 'choice' ? [[p.name, p.values]] : [])));
  const outputs = def.outputs.map((o) => o.name);
  const lb = def.lookback;
  const fail = (why: string): never => {
    throw new Error(`${def.id}: lookback ${why}`);
  };
  const compile = (src: unknown, where: string) => {
    try {
      return compileFormula(src as string, names, choices);
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

const lookbacks = new Map(INDICATORS.map((d) => [d, compileLookback(d)]));

/** Lookback of one output of an indicator for the given params (the definition's formula, evaluated). */
export function outputLookback(def: IndicatorDef, params: ParamValues, output: string): number {
  const formulas = lookbacks.get(def) ?? compileLookback(def);
  const f = formulas.get(output);
  if (!f) throw new Error(`${def.id} has no output '${output}'; its outputs are ${[...formulas.keys()].join(', ')}`);
  return f.evaluate(params);
}

/**
 * What a request's indicator id computes: the definition whose kernel runs,
 * and the outputs under the names the request and its result use (the
 * definition's own, or an alias's), in kernel order.
 */
export interface ResolvedIndicator {
  /** The id as requested: an indicator's or an alias's. */
  readonly id: string;
  readonly def: IndicatorDef;
  readonly outputs: readonly { readonly name: string; readonly of: string }[];
  readonly alias: AliasDef | null;
}

const resolved = new Map<string, ResolvedIndicator>(
  INDICATORS.map((def) => [def.id, { id: def.id, def, outputs: def.outputs.map((o) => ({ name: o.name, of: o.name })), alias: null }]),
);

// Aliases are checked like definitions when the registry loads.
for (const alias of ALIASES) {
  const def = byId.get(alias.target);
  if (!def) throw new Error(`alias ${alias.id}: target '${alias.target}' is not an indicator`);
  if (byId.has(alias.id) || resolved.has(alias.id)) throw new Error(`alias ${alias.id}: the id is taken`);
  const names = def.outputs.map((o) => o.name);
  for (const [name, of] of Object.entries(alias.outputs)) {
    if (!names.includes(of)) throw new Error(`alias ${alias.id}: output '${name}' maps to '${of}', not an output of ${def.id} (${names.join(', ')})`);
  }
  const outputs = Object.entries(alias.outputs).map(([name, of]) => ({ name, of })).sort((a, b) => names.indexOf(a.of) - names.indexOf(b.of));
  resolved.set(alias.id, { id: alias.id, def, outputs, alias });
}

/** The indicator or alias with this id; UnknownIndicatorError naming close ids otherwise. */
export function resolveIndicator(id: unknown): ResolvedIndicator {
  if (typeof id !== 'string') {
    throw new UnknownIndicatorError(`indicator must be a string id like 'ma.sma', got ${typeof id}`, { indicator: id });
  }
  const r = resolved.get(id);
  if (!r) {
    const close = [...resolved.keys()].filter((k) => k.endsWith(`.${id.split('.').pop()}`));
    const hint = close.length ? ` Did you mean ${close.map((c) => `'${c}'`).join(' or ')}?` : '';
    throw new UnknownIndicatorError(
      `unknown indicator '${id}'.${hint} Run \`ta-grid list\` or call listIndicators() for the ${resolved.size} available ids.`,
      { indicator: id },
    );
  }
  return r;
}

/** The definition that computes `id` (an alias's target for an alias). */
export function getIndicator(id: unknown): IndicatorDef {
  return resolveIndicator(id).def;
}

/** Public listing: what each indicator reads, sweeps and returns. */
export interface IndicatorInfo {
  id: string;
  group: string;
  title: string;
  inputs: string[];
  /**
   * A 'choice' axis lists its allowed `values` (strings) instead of bounds;
   * `onlyWith` says its values other than the default need every value of
   * another axis of the grid to be one of `values` (ChoiceParamDef.onlyWith).
   */
  axes: {
    name: string;
    kind: 'source' | 'int' | 'float' | 'choice';
    min?: number;
    max?: number;
    values?: string[];
    onlyWith?: { param: string; values: string[] };
    default: unknown;
    description: string;
  }[];
  /** looksAhead: reads candles after its bar (not streamable); barIndex: a bar index counted from the first candle. */
  outputs: { name: string; description: string; sparse?: boolean; looksAhead?: boolean; barIndex?: boolean }[];
  /**
   * Index of the first value on NaN-free candles, as a formula over the axis
   * names (numbers, + - * /, parentheses, max, min, floor, ceil, sqrt); a
   * record gives one formula per output when they differ.
   */
  lookback: Lookback;
  convention: string;
  /** For an old engine's id kept as an alias: the indicator it computes, and which of its outputs each alias output is. */
  aliasOf?: { id: string; outputs: Record<string, string> };
}

export function describeIndicator(def: IndicatorDef): IndicatorInfo {
  const axes: IndicatorInfo['axes'] = [];
  for (const a of sourceAxes(def)) {
    axes.push({ name: a.name, kind: 'source', default: a.default, description: a.name === 'source' ? 'price series the indicator reads' : 'second price series the indicator reads' });
  }
  for (const p of def.params) {
    if (p.kind === 'choice') {
      const onlyWith = p.onlyWith && { param: p.onlyWith.param, values: [...p.onlyWith.values] };
      axes.push({ name: p.name, kind: 'choice', values: [...p.values], ...(onlyWith && { onlyWith }), default: p.default, description: p.description });
    }
    else axes.push({ name: p.name, kind: p.kind, min: p.min, max: p.max, default: p.default, description: p.description });
  }
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

function describeAlias(r: ResolvedIndicator): IndicatorInfo {
  const target = describeIndicator(r.def);
  const lb = r.def.lookback;
  return {
    ...target,
    id: r.id,
    title: `${target.title}: ${r.outputs.map((o) => o.of).join(', ')}`,
    outputs: r.outputs.map((o) => ({ ...target.outputs.find((x) => x.name === o.of)!, name: o.name })),
    lookback: typeof lb === 'string' ? lb : Object.fromEntries(r.outputs.map((o) => [o.name, lb[o.of]!])),
    convention: `alias of ${r.def.id} (${r.outputs.map((o) => (o.name === o.of ? o.name : `${o.name} = ${o.of}`)).join(', ')}): ${target.convention}`,
    aliasOf: { id: r.def.id, outputs: Object.fromEntries(r.outputs.map((o) => [o.name, o.of])) },
  };
}

/** Every indicator, then every alias (with `aliasOf`). */
export function listIndicators(): IndicatorInfo[] {
  return [...INDICATORS.map(describeIndicator), ...ALIASES.map((a) => describeAlias(resolved.get(a.id)!))];
}

// The fixed group order is part of the contract; fail at load if the generated list breaks it.
for (let i = 1; i < INDICATORS.length; i++) {
  if (GROUPS.indexOf(INDICATORS[i]!.group) < GROUPS.indexOf(INDICATORS[i - 1]!.group)) {
    throw new Error(`registry out of group order at ${INDICATORS[i]!.id}`);
  }
}
