import { GridTooLargeError, GridValidationError } from '../errors.js';
import { SOURCES, sourceAxes, type AxisSpec, type IndicatorDef, type RangeSpec, type SourceName } from '../registry/index.js';
import { firstDefault } from '../indicators/params.js';

export type AxisValue = number | string;

export interface Axis {
  readonly name: string;
  /** 'choice' axes hold strings; kernels read the index of each in `choices`. */
  readonly kind: 'source' | 'int' | 'float' | 'choice';
  /** For a choice axis: every allowed value, in code order (the definition's `values`). */
  readonly choices?: readonly string[];
  /** Number of values, known without making them. */
  readonly count: number;
  /** The values; a range axis makes them on first use. */
  readonly values: readonly AxisValue[];
}

export type GridSpec = Readonly<Record<string, AxisSpec>>;
export type VariantParams = Record<string, AxisValue>;

function isRange(spec: AxisSpec): spec is RangeSpec {
  return typeof spec === 'object' && spec !== null && !Array.isArray(spec);
}

/** Digits after the decimal point needed to write x exactly (up to 12). */
function decimalsOf(x: number): number {
  if (Number.isInteger(x)) return 0;
  const s = x.toString();
  const e = s.indexOf('e-');
  if (e >= 0) return Math.min(12, Number(s.slice(e + 2)) + (s.split('.')[1]?.split('e')[0]?.length ?? 0));
  return Math.min(12, s.length - s.indexOf('.') - 1);
}

/** Number of values of an inclusive range, checked, without making them. */
function rangeCount(axis: string, r: RangeSpec, maxValues: number): number {
  const { start, stop } = r;
  const step = r.step ?? 1;
  for (const [k, v] of [['start', start], ['stop', stop], ['step', step]] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new GridValidationError(`axis '${axis}': range ${k} must be a finite number, got ${String(v)}`, { axis, range: r });
    }
  }
  if (step <= 0) {
    throw new GridValidationError(`axis '${axis}': range step must be > 0, got ${step}; write { start, stop, step } with start <= stop and a positive step`, { axis, range: r });
  }
  if (start > stop) {
    throw new GridValidationError(`axis '${axis}': range start ${start} is above stop ${stop}; ranges are inclusive and increasing`, { axis, range: r });
  }
  if (step < 1e-12) {
    throw new GridValidationError(`axis '${axis}': range step ${step} is below 1e-12, the finest step values are kept to; use a larger step`, { axis, range: r });
  }
  const count = Math.floor((stop - start) / step + 1e-9) + 1;
  if (count > maxValues) {
    throw new GridTooLargeError(`axis '${axis}': range ${start}..${stop} step ${step} has ${count} values, above maxVariants ${maxValues}; use a larger step or a narrower range`, { axis, count, maxVariants: maxValues });
  }
  return count;
}

/**
 * Value i of an inclusive range: start + i * step, rounded to the decimals
 * of start and step, so 0.1 steps give 0.3 and not 0.30000000000000004, with
 * no accumulated drift.
 */
function rangeValue(r: RangeSpec, i: number): number {
  const step = r.step ?? 1;
  const digits = Math.max(decimalsOf(r.start), decimalsOf(step));
  if (digits === 0) return r.start + i * step;
  const scale = 10 ** digits;
  return Math.round((r.start + i * step) * scale) / scale;
}

/** Expands an inclusive range (see rangeValue). */
export function expandRange(axis: string, r: RangeSpec, maxValues: number): number[] {
  const count = rangeCount(axis, r, maxValues);
  const out: number[] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = rangeValue(r, i);
  return out;
}

/** A range axis makes its values on first use: estimate() and the guards need only the count and the ends. */
function rangeAxis(name: string, kind: Axis['kind'], r: RangeSpec, count: number): Axis {
  let values: number[] | null = null;
  return {
    name, kind, count,
    get values() {
      values ??= expandRange(name, r, count);
      return values;
    },
  };
}

export function listAxis(name: string, kind: Axis['kind'], values: readonly AxisValue[], choices?: readonly string[]): Axis {
  return choices ? { name, kind, count: values.length, values, choices } : { name, kind, count: values.length, values };
}

function listValues(name: string, spec: AxisSpec): AxisValue[] {
  const list = Array.isArray(spec) ? [...spec] : [spec as AxisValue];
  if (list.length === 0) throw new GridValidationError(`axis '${name}' is empty; give at least one value or leave the axis out to use its default`, { axis: name });
  return list;
}

function checkSource(axis: string, v: AxisValue): void {
  if (typeof v !== 'string' || !(SOURCES as readonly string[]).includes(v)) {
    throw new GridValidationError(`axis '${axis}': '${String(v)}' is not a source; use one of ${SOURCES.join(', ')}`, { axis, value: v });
  }
}

/** The materialized grid of one request: axes and the mixed-radix variant order. */
export class Grid {
  readonly axes: readonly Axis[];
  readonly variants: number;
  private readonly radix: number[];

  constructor(axes: readonly Axis[]) {
    this.axes = axes;
    this.radix = new Array(axes.length);
    let n = 1;
    for (let a = axes.length - 1; a >= 0; a--) {
      this.radix[a] = n;
      n *= axes[a]!.count;
    }
    this.variants = n;
  }

  /** Parameters of variant i: the last axis varies fastest. */
  variant(i: number): VariantParams {
    if (!Number.isInteger(i) || i < 0 || i >= this.variants) {
      throw new GridValidationError(`variant index ${i} is out of range 0..${this.variants - 1}`, { index: i, variants: this.variants });
    }
    const out: VariantParams = {};
    for (let a = 0; a < this.axes.length; a++) {
      const axis = this.axes[a]!;
      out[axis.name] = axis.values[Math.floor(i / this.radix[a]!) % axis.values.length]!;
    }
    return out;
  }

  /**
   * Index of the variant with these parameters, or -1 when the grid does not
   * hold it. An axis the grid holds one value of may be left out (a default
   * `seed` or `zero_denominator`), so lookups written before an axis existed
   * keep working.
   */
  indexOf(params: Readonly<Record<string, AxisValue>>): number {
    if (typeof params !== 'object' || params === null) throw new GridValidationError('indexOf() expects an object of axis values', {});
    for (const key of Object.keys(params)) {
      if (!this.axes.some((a) => a.name === key)) {
        throw new GridValidationError(`unknown axis '${key}'; the axes are ${this.axes.map((a) => a.name).join(', ')}`, { axis: key });
      }
    }
    let i = 0;
    for (let a = 0; a < this.axes.length; a++) {
      const axis = this.axes[a]!;
      if (!(axis.name in params)) {
        if (axis.values.length === 1) continue;
        throw new GridValidationError(
          `indexOf() needs a value for every axis with more than one value; '${axis.name}' is missing (the grid holds ${axis.values.length} values of it)`,
          { axis: axis.name },
        );
      }
      const k = axis.values.indexOf(params[axis.name]!);
      if (k < 0) return -1;
      i += k * this.radix[a]!;
    }
    return i;
  }

  /**
   * Per-variant values of an axis as the kernels read them (a choice axis:
   * each value's index in its `choices`), written
   * into `out` (length >= variants). One period of the axis is written with
   * fills and then doubled by copies, so a million variants cost a few
   * memcpys, not a million divisions.
   */
  paramColumn(name: string, out: Float64Array = new Float64Array(this.variants)): Float64Array {
    const a = this.axes.findIndex((x) => x.name === name);
    const axis = this.axes[a]!;
    const values = axis.choices ? axis.values.map((x) => axis.choices!.indexOf(x as string)) : (axis.values as readonly number[]);
    const r = this.radix[a]!;
    const period = Math.min(this.variants, values.length * r);
    for (let k = 0; k < values.length; k++) out.fill(values[k]!, k * r, (k + 1) * r);
    for (let filled = period; filled < this.variants; filled *= 2) out.copyWithin(filled, 0, Math.min(filled, this.variants - filled));
    return out;
  }

  /**
   * Contiguous variant ranges sharing their sources, axis name -> source
   * (the source axes come first, so each combination is one range).
   */
  sourceRuns(): { sources: Record<string, SourceName>; v0: number; v1: number }[] {
    const n = this.axes.findIndex((a) => a.kind !== 'source');
    const lead = n < 0 ? this.axes.length : n;
    if (lead === 0) return [{ sources: {}, v0: 0, v1: this.variants }];
    const run = this.radix[lead - 1]!;
    const runs = [];
    for (let v0 = 0; v0 < this.variants; v0 += run) {
      const sources: Record<string, SourceName> = {};
      for (let a = 0; a < lead; a++) sources[this.axes[a]!.name] = this.axes[a]!.values[Math.floor(v0 / this.radix[a]!) % this.axes[a]!.count] as SourceName;
      runs.push({ sources, v0, v1: v0 + run });
    }
    return runs;
  }
}

/**
 * Builds the grid of a request: the source axes first (`source`, then
 * `source2`, when the indicator reads them), then params in definition order. Axes left out take the
 * definition's default (or the overrides given, e.g. from a config file).
 */
export function buildGrid(
  def: IndicatorDef,
  spec: unknown,
  opts: { maxVariants: number; defaults?: GridSpec },
): Grid {
  if (spec !== undefined && (typeof spec !== 'object' || spec === null || Array.isArray(spec))) {
    throw new GridValidationError(`grid must be an object of axis specs like { window: { start: 5, stop: 50 } }, got ${Array.isArray(spec) ? 'an array' : typeof spec}`, {});
  }
  const given = (spec ?? {}) as Record<string, AxisSpec>;
  const sources = sourceAxes(def);
  const names = [...sources.map((a) => a.name), ...def.params.map((p) => p.name)];
  for (const key of Object.keys(given)) {
    if (!names.includes(key)) {
      throw new GridValidationError(`${def.id} has no axis '${key}'; its axes are ${names.join(', ') || '(none)'}`, { indicator: def.id, axis: key });
    }
  }
  const pick = (name: string, fallback: AxisSpec): AxisSpec => given[name] ?? opts.defaults?.[name] ?? fallback;
  const axes: Axis[] = [];
  for (const source of sources) {
    const spec = pick(source.name, source.default);
    const values = isRange(spec) ? expandRange(source.name, spec, opts.maxVariants) : listValues(source.name, spec);
    values.forEach((v) => checkSource(source.name, v));
    axes.push(listAxis(source.name, 'source', unique(def.id, source.name, values)));
  }
  for (const p of def.params) {
    const spec = pick(p.name, p.default);
    if (p.kind === 'choice') {
      if (isRange(spec)) {
        throw new GridValidationError(`${def.id}: axis '${p.name}' is a choice; list its values (${p.values.map((x) => `'${x}'`).join(', ')}), not a range`, { indicator: def.id, axis: p.name, allowed: p.values });
      }
      const values = listValues(p.name, spec);
      for (const v of values) {
        if (typeof v !== 'string' || !p.values.includes(v)) {
          throw new GridValidationError(
            `${def.id}: ${p.name} = ${JSON.stringify(v)} is not one of its values; use ${p.values.map((x) => `'${x}'`).join(' or ')}`,
            { indicator: def.id, axis: p.name, value: v, allowed: p.values },
          );
        }
      }
      axes.push(listAxis(p.name, 'choice', unique(def.id, p.name, values), p.values));
      continue;
    }
    const check = (v: AxisValue) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new GridValidationError(`${def.id}: axis '${p.name}' needs finite numbers, got ${JSON.stringify(v)}`, { indicator: def.id, axis: p.name, value: v });
      }
      if (p.kind === 'int' && !Number.isInteger(v)) {
        throw new GridValidationError(`${def.id}: axis '${p.name}' needs integers, got ${v}`, { indicator: def.id, axis: p.name, value: v });
      }
      if (v < p.min || v > p.max) {
        throw new GridValidationError(`${def.id}: ${p.name} = ${v} is outside its bounds [${p.min}, ${p.max}]`, { indicator: def.id, axis: p.name, value: v, min: p.min, max: p.max });
      }
    };
    if (isRange(spec)) {
      // Increasing, evenly spaced and distinct: the ends and the step say everything the checks need.
      const count = rangeCount(p.name, spec, opts.maxVariants);
      check(rangeValue(spec, 0));
      check(rangeValue(spec, count - 1));
      if (p.kind === 'int' && count > 1) check(rangeValue(spec, 1));
      axes.push(rangeAxis(p.name, p.kind, spec, count));
    } else {
      const values = listValues(p.name, spec);
      values.forEach(check);
      axes.push(listAxis(p.name, p.kind, unique(def.id, p.name, values)));
    }
  }
  checkOnlyWith(def, axes);
  const variants = axes.reduce((n, a) => n * a.count, 1);
  if (variants > opts.maxVariants) {
    throw new GridTooLargeError(
      `${def.id}: the grid has ${variants} variants, above maxVariants ${opts.maxVariants}; narrow an axis or raise maxVariants`,
      { indicator: def.id, variants, maxVariants: opts.maxVariants, axes: axes.map((a) => ({ name: a.name, count: a.count })) },
    );
  }
  return new Grid(axes);
}

/**
 * The grid constraints of choice params (ChoiceParamDef.onlyWith): a grid is a
 * full product of its axes, so a value other than the default needs every
 * value of the other axis to be one it applies with.
 */
function checkOnlyWith(def: IndicatorDef, axes: readonly Axis[]): void {
  for (const p of def.params) {
    if (p.kind !== 'choice' || !p.onlyWith) continue;
    const { param, values: allowed } = p.onlyWith;
    const byDefault = firstDefault(p);
    const own = axes.find((a) => a.name === p.name)!.values.filter((v) => v !== byDefault);
    const other = axes.find((a) => a.name === param)!.values.filter((v) => !allowed.includes(v as string));
    if (own.length === 0 || other.length === 0) continue;
    const list = (xs: readonly unknown[]) => xs.map((x) => `'${String(x)}'`).join(', ');
    throw new GridValidationError(
      `${def.id}: ${p.name} ${list(own)} applies only with ${param} ${list(allowed)}, but the grid also holds ${param} ${list(other)}; ` +
        `request ${p.name} ${list(own)} with ${param}: [${list(allowed)}] in its own grid, or leave ${p.name} at '${String(byDefault)}'`,
      { indicator: def.id, axis: p.name, values: own, with: param, withValues: other, allowed },
    );
  }
}

function unique(id: string, axis: string, values: AxisValue[]): AxisValue[] {
  const seen = new Set<AxisValue>();
  for (const v of values) {
    if (seen.has(v)) throw new GridValidationError(`${id}: axis '${axis}' lists ${JSON.stringify(v)} twice; each value may appear once`, { indicator: id, axis, value: v });
    seen.add(v);
  }
  return values;
}
