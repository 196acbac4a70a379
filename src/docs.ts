import { INDICATORS, type AxisSpec, type IndicatorDef } from './registry/index.js';

function axisDefault(spec: AxisSpec | undefined): string {
  if (spec === undefined) return '';
  if (typeof spec === 'object' && !Array.isArray(spec)) {
    const r = spec as { start: number; stop: number; step?: number };
    return `${r.start}..${r.stop}${r.step && r.step !== 1 ? ` step ${r.step}` : ''}`;
  }
  return Array.isArray(spec) ? spec.join(', ') : String(spec);
}

/** The lookback function's body as a formula: `(p) => p.window - 1` -> `window - 1`. */
export function lookbackFormula(def: IndicatorDef): string {
  const src = def.lookback.toString().replace(/\s+/g, ' ');
  const body = src.replace(/^\(?\s*\w*\s*\)?\s*=>\s*/, '').replace(/^\{ ?return (.*);? ?\}$/, '$1');
  return body.replace(/\b[a-z]\.(\w+)/g, '$1').replace(/;$/, '').replace(/Math\./g, '');
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** Markdown table of every indicator, generated from the registry. */
export function indicatorTable(): string {
  const rows = [
    '| id | inputs | params: kind [bounds] default | outputs | lookback | convention |',
    '|---|---|---|---|---|---|',
  ];
  for (const d of INDICATORS) {
    const params = [
      ...(d.inputs.includes('source') ? [`source: ${axisDefault(d.defaultSource ?? ['close'])}`] : []),
      ...d.params.map((p) => `${p.name}: ${p.kind} [${p.min}, ${p.max}] ${axisDefault(p.default)}`),
    ];
    rows.push(`| \`${d.id}\` | ${d.inputs.join(', ')} | ${cell(params.join('<br>'))} | ${d.outputs.map((o) => o.name).join(', ')} | ${cell(lookbackFormula(d))} | ${cell(d.convention)} |`);
  }
  return rows.join('\n');
}

/** The full indicator reference page (docs/indicators.md). */
export function indicatorPage(): string {
  const notes = INDICATORS.filter((d) => d.notes).map((d) => `### \`${d.id}\`\n\n${d.notes}\n`);
  const outputs = INDICATORS.map((d) => `- \`${d.id}\` (${d.title}): ${d.outputs.map((o) => `\`${o.name}\` ${o.description}`).join('; ')}`);
  return [
    '# Indicators',
    '',
    'Generated from the indicator definitions (`src/indicators/`) by `npm run generate`; do not edit by hand.',
    '',
    'Every indicator computes a whole grid per call. Axes are the `source` axis (when the',
    'indicator reads a price series) and then its params, in this order; the last axis',
    'varies fastest. Defaults apply to axes a request leaves out. "TA-Lib NAME" means the',
    'output equals TA-Lib\'s on NaN-free input (same lookback, seeding and smoothing).',
    'Sources `hl2`, `hlc3`, `ohlc4`, `hlcc4` are TA-Lib\'s MEDPRICE, TYPPRICE, AVGPRICE and WCLPRICE.',
    '',
    indicatorTable(),
    '',
    '## Outputs',
    '',
    ...outputs,
    '',
    ...(notes.length ? ['## Notes', '', ...notes] : []),
  ].join('\n');
}
