// The indicators by id: the definitions of src/indicators/ in their fixed
// order, lookup with a helpful error, and the public listing.
import { UnknownIndicatorError } from '../errors.js';
import { DEFINITIONS } from '../indicators/index.js';
import { GROUPS, type IndicatorDef, type ParamValues } from '../indicators/types.js';

export * from '../indicators/types.js';

/** Every indicator, groups in their fixed order (one file each under src/indicators/<group>/). */
export const INDICATORS: readonly IndicatorDef[] = DEFINITIONS;

const byId = new Map(INDICATORS.map((d) => [d.id, d]));

/** Lookback of one output of an indicator for the given params. */
export function outputLookback(def: IndicatorDef, params: ParamValues, output: string): number {
  const lb = def.lookback(params);
  return typeof lb === 'number' ? lb : lb[output] ?? Math.max(...Object.values(lb));
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
