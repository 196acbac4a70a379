// Lookbacks are data: formulas over param names, checked when the registry
// loads, printed verbatim in the docs, and equal to the first valid bar of
// every output on gap-free candles (both backends).
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { listIndicators, type IndicatorInfo } from '../dist/index.js';
import { compileFormula, FormulaError } from '../dist/indicators/formula.js';
import { getIndicator, INDICATORS, outputLookback } from '../dist/registry/index.js';
import { closeEngines, engineFor, syntheticCandles, type BackendName, allowedGrids, choiceValues } from './helpers.js';

afterAll(closeEngines);

describe('formula evaluator', () => {
  const value = (src: string, vars: Record<string, number> = {}) => compileFormula(src).evaluate(vars);

  it('follows precedence, associativity, unary minus and parentheses', () => {
    expect(value('1 + 2 * 3')).toBe(7);
    expect(value('(1 + 2) * 3')).toBe(9);
    expect(value('10 - 4 - 3')).toBe(3);
    expect(value('24 / 4 / 2')).toBe(3);
    expect(value('-2 * -3')).toBe(6);
    expect(value('2 * window - 1', { window: 14 })).toBe(27);
    expect(value('3 * (window - 1) + 1', { window: 5 })).toBe(13);
  });

  it('has max, min, floor, ceil and sqrt', () => {
    expect(value('max(fast, slow) - 1', { fast: 26, slow: 12 })).toBe(25);
    expect(value('max(a, b, c)', { a: 7, b: 28, c: 14 })).toBe(28);
    expect(value('min(a, 3)', { a: 7 })).toBe(3);
    expect(value('window + floor(sqrt(window)) - 2', { window: 10 })).toBe(11);
    expect(value('floor((window - 1) / 2) + window - 1', { window: 6 })).toBe(7);
    expect(value('ceil(7 / 2)')).toBe(4);
    expect(value('1.5 * 2')).toBe(3);
  });

  it('lists the names a formula reads', () => {
    expect([...compileFormula('max(fast, slow) - 1 + signal').names].sort()).toEqual(['fast', 'signal', 'slow']);
    expect(compileFormula('0').names.size).toBe(0);
  });

  it.each([
    ['', /non-empty/],
    ['window -', /unexpected end/],
    ['(window - 1', /expected '\)'/],
    ['window - 1)', /unexpected '\)'/],
    ['window window', /unexpected 'window'/],
    ['p.window - 1', /unexpected '\.'/],
    ['(p) => p.window - 1', /unexpected/],
    ['Math.max(fast, slow)', /unexpected '\.'/],
    ['window ** 2', /unexpected '\*'/],
    ['window % 2', /unexpected '%'/],
    ['pow(window, 2)', /unknown function 'pow'/],
    ['constructor(1)', /unknown function 'constructor'/],
    ['floor(1, 2)', /floor\(\) takes one argument/],
    ['max()', /unexpected '\)'/],
    ['window; 1', /unexpected ';'/],
    ['`window`', /unexpected '`'/],
  ])('refuses %j', (src, why) => {
    expect(() => compileFormula(src, ['window', 'fast', 'slow'])).toThrow(FormulaError);
    expect(() => compileFormula(src, ['window', 'fast', 'slow'])).toThrow(why);
  });

  it('refuses a name outside the allowed ones, and evaluation without a value for a name', () => {
    expect(() => compileFormula('windw - 1', ['window'])).toThrow(/unknown name 'windw'.*the names are window/);
    expect(() => compileFormula('window', [])).toThrow(/must be a number/);
    expect(() => compileFormula('window - 1').evaluate({})).toThrow(/needs a number for 'window'/);
  });
});

describe('lookbacks in the registry', () => {
  const base = INDICATORS.find((d) => d.id === 'ma.sma')!;
  const fake = (lookback: unknown, id = 'ma.fake') => ({ ...base, id, lookback }) as never;

  it('refuses a definition whose formula names an unknown param, naming its id', () => {
    expect(() => outputLookback(fake('windw - 1'), { window: 5 }, 'sma')).toThrow(/ma\.fake: lookback unknown name 'windw'/);
    expect(() => outputLookback(fake({ sma: 'span - 1' }), { window: 5 }, 'sma')).toThrow(/ma\.fake: lookback of 'sma': unknown name 'span'/);
  });

  it('refuses per-output records that miss an output or name another, and code', () => {
    expect(() => outputLookback(fake({}), { window: 5 }, 'sma')).toThrow(/ma\.fake: lookback gives no formula for output 'sma'/);
    expect(() => outputLookback(fake({ sma: 'window', ema: 'window' }), { window: 5 }, 'sma')).toThrow(/names 'ema', not an output/);
    expect(() => outputLookback(fake((p: { window: number }) => p.window - 1), { window: 5 }, 'sma')).toThrow(/must be a formula string/);
  });

  it('exposes each formula verbatim in listIndicators()', () => {
    for (const info of listIndicators()) {
      const def = getIndicator(info.id);
      if (!info.aliasOf) expect(info.lookback, info.id).toEqual(def.lookback);
      // An alias shows its target's formulas under its own output names.
      else for (const [name, of] of Object.entries(info.aliasOf.outputs)) expect(typeof info.lookback === 'string' ? info.lookback : info.lookback[name], info.id).toBe(typeof def.lookback === 'string' ? def.lookback : def.lookback[of]);
    }
    const adx = listIndicators().find((i) => i.id === 'trend.adx')!;
    expect(adx.lookback).toEqual(getIndicator('trend.adx').lookback);
    expect(outputLookback(getIndicator('trend.adx'), { window: 14, adx_window: 0, seed: 'sma' }, 'adx')).toBe(27);
    expect(outputLookback(getIndicator('trend.adx'), { window: 14, adx_window: 6, seed: 'sma' }, 'adx')).toBe(19);
    expect(outputLookback(getIndicator('trend.adx'), { window: 14, adx_window: 6, seed: 'first' }, 'adx')).toBe(1);
    expect(listIndicators().find((i) => i.id === 'ma.sma')!.lookback).toBe('window - 1');
  });
});

describe('the docs', () => {
  const CODE = [/=>/, /\bfunction\b/, /\breturn\b/, /[{}]/, /\bMath\./, /\bp\.\w/, /\bundefined\b/];

  for (const page of ['docs/indicators.md', 'README.md']) {
    it(`${page}: no table cell holds code, and every lookback cell is the definition's formulas`, () => {
      const lines = readFileSync(new URL(`../${page}`, import.meta.url), 'utf8').split('\n');
      const header = lines.findIndex((l) => l.startsWith('| id |') && l.includes('| lookback |'));
      expect(header).toBeGreaterThanOrEqual(0);
      const cellsOf = (l: string) => l.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
      const col = cellsOf(lines[header]!).indexOf('lookback');
      let rows = 0;
      for (const line of lines.slice(header + 2)) {
        if (!line.startsWith('|')) break;
        const cells = cellsOf(line);
        for (const c of cells) for (const re of CODE) if (re.test(c)) expect.fail(`${page}: cell '${c}' looks like code (${re})`);
        const id = cells[0]!.replace(/`/g, '');
        const def = INDICATORS.find((d) => d.id === id);
        if (!def) continue;
        rows++;
        const params = def.params.map((p) => p.name);
        const shown = cells[col]!.split('<br>');
        const want = typeof def.lookback === 'string' ? { '': def.lookback } : def.lookback;
        const seen = new Set<string>();
        for (const part of shown) {
          const m = typeof def.lookback === 'string' ? ['', '', part] : /^([\w, ]+): (.+)$/.exec(part);
          expect(m, `${id}: '${part}'`).not.toBeNull();
          compileFormula(m![2]!, params);
          for (const o of m![1]!.split(', ')) {
            expect(want[o], `${id} ${o}`).toBe(m![2]);
            seen.add(o);
          }
        }
        expect([...seen].sort(), id).toEqual(Object.keys(want).sort());
      }
      expect(rows).toBe(INDICATORS.length);
      const aliasHeader = lines.findIndex((l) => l.startsWith('| alias |'));
      const aliasRows = lines.slice(aliasHeader + 2).filter((l, i, all) => all.slice(0, i + 1).every((x) => x.startsWith('|')));
      expect(aliasRows.length).toBe(listIndicators().filter((i) => i.aliasOf).length);
      for (const line of aliasRows) for (const c of cellsOf(line)) for (const re of CODE) if (re.test(c)) expect.fail(`${page}: cell '${c}' looks like code (${re})`);
    });
  }
});

/** Three values of every int axis (so fast > slow and fast < slow both occur), the first default of every float axis. */
function lookbackGrid(info: IndicatorInfo): Record<string, unknown> {
  const grid: Record<string, unknown> = {};
  for (const a of info.axes) {
    if (a.kind === 'source') grid[a.name] = ['close'];
    else if (a.kind === 'choice') grid[a.name] = choiceValues(info, a, info.id.length);
    else if (a.kind === 'int') grid[a.name] = [a.min!, a.min! + 3, a.min! + 17];
    else {
      const d = a.default as number | number[] | { start: number };
      grid[a.name] = [Array.isArray(d) ? d[0] : typeof d === 'number' ? d : d.start];
    }
  }
  return grid;
}

describe.each<BackendName>(['native', 'wasm'])('first valid bar = result.lookback() (%s)', (backend) => {
  const long = syntheticCandles({ t: 300, seed: 13 });
  // 12 bars: the longer windows of the grid do not fit and are NaN throughout.
  const short = Object.fromEntries(Object.entries(long).map(([k, c]) => [k, c.slice(0, 12)]));
  for (const info of listIndicators()) {
    it(info.id, async () => {
      const engine = await engineFor(backend);
      const def = getIndicator(info.id);
      const of = (name: string) => info.aliasOf?.outputs[name] ?? name;
      for (const grid of allowedGrids(info, lookbackGrid(info))) for (const candles of [long, short]) {
        const r = await engine.compute({ indicator: info.id, candles, grid: grid as never, dtype: 'float64', layout: 'variant-major' });
        for (const o of info.outputs) {
          const sparse = def.outputs.find((x) => x.name === of(o.name))!.sparse;
          for (let v = 0; v < r.variants; v++) {
            const lb = r.lookback(o.name, v);
            const params = r.variant(v);
            const formula = outputLookback(def, params, of(o.name));
            const tooLong = def.params.some((p) => p.kind === 'int' && (params[p.name] as number) > r.t);
            expect(lb, `${info.id} ${o.name}`).toBe(tooLong ? Math.max(formula, r.t) : formula);
            const s = r.series(o.name, v);
            let first = s.findIndex((x) => !Number.isNaN(x));
            if (first < 0) first = r.t;
            const where = `${info.id} ${o.name} ${JSON.stringify(params)} on ${r.t} bars`;
            if (sparse) expect(first, where).toBeGreaterThanOrEqual(Math.min(lb, r.t));
            else {
              expect(first, where).toBe(Math.min(lb, r.t));
              // ...and no NaN after it on gap-free candles.
              expect(s.subarray(first).some((x) => Number.isNaN(x)), where).toBe(false);
            }
          }
        }
      }
    });
  }
});
