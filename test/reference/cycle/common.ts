// Ehlers' Hilbert transform as TA-Lib runs it, bar by bar over whole arrays
// (TA-Lib keeps ring buffers per bar parity instead; the values are the same).
// Sums keep TA-Lib's order of operations so the results agree to the last bit.


// sin, cos and atan as both kernels compute them (musl's fdlibm code, which
// AssemblyScript's Math is): on flat prices the DC phase is the phase of a
// rounding-sized DFT, so the last bit of every sine matters. V8's Math.sin and
// Math.cos round differently.
const f64 = new Float64Array(1), u32 = new Uint32Array(f64.buffer);
const bits = (hex: string) => { u32[1] = parseInt(hex.slice(0, 8), 16); u32[0] = parseInt(hex.slice(8), 16); return f64[0]!; };
const highWord = (x: number) => { f64[0] = x; return u32[1]!; };

const S = ['BFC5555555555549', '3F8111111110F8A6', 'BF2A01A019C161D5', '3EC71DE357B1FE7D', 'BE5AE5E68A2B9CEB', '3DE5D93A5ACFD57C'].map(bits);
const C = ['3FA555555555554C', 'BF56C16C16C15177', '3EFA01A019CB1590', 'BE927E4F809C52AD', '3E21EE9EBDB4B1C4', 'BDA8FAE9BE8838D4'].map(bits);
const [PIO2_1, PIO2_1T, PIO2_2, PIO2_2T, PIO2_3, PIO2_3T, INVPIO2] =
  ['3FF921FB54400000', '3DD0B4611A626331', '3DD0B4611A600000', '3BA3198A2E037073', '3BA3198A2E000000', '397B839A252049C1', '3FE45F306DC9C883'].map(bits) as [number, number, number, number, number, number, number];

function sinKernel(x: number, y: number, iy: boolean): number {
  const z = x * x, w = z * z;
  const r = S[1]! + z * (S[2]! + z * S[3]!) + z * w * (S[4]! + z * S[5]!);
  const v = z * x;
  return !iy ? x + v * (S[0]! + z * r) : x - ((z * (0.5 * y - v * r) - y) - v * S[0]!);
}

function cosKernel(x: number, y: number): number {
  const z = x * x;
  let w = z * z;
  const r = z * (C[0]! + z * (C[1]! + z * C[2]!)) + w * w * (C[3]! + z * (C[4]! + z * C[5]!));
  const hz = 0.5 * z;
  w = 1 - hz;
  return w + (((1 - w) - hz) + (z * r - x * y));
}

/** Round half to even, as wasm's f64.nearest. */
function nearest(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** [n, y0, y1] with x = n·π/2 + y0 + y1, for |x| below 2^20·π/2 (angles here are a few turns at most). */
function remPio2(x: number, ix: number): [number, number, number] {
  if (ix < 0x4002d97c) {
    if (x > 0) {
      let z = x - PIO2_1;
      if (ix !== 0x3ff921fb) { const y0 = z - PIO2_1T; return [1, y0, (z - y0) - PIO2_1T]; }
      z -= PIO2_2;
      const y0 = z - PIO2_2T;
      return [1, y0, (z - y0) - PIO2_2T];
    }
    let z = x + PIO2_1;
    if (ix !== 0x3ff921fb) { const y0 = z + PIO2_1T; return [-1, y0, (z - y0) + PIO2_1T]; }
    z += PIO2_2;
    const y0 = z + PIO2_2T;
    return [-1, y0, (z - y0) + PIO2_2T];
  }
  const q = nearest(x * INVPIO2);
  let r = x - q * PIO2_1, w = q * PIO2_1T;
  const j = ix >>> 20;
  let y0 = r - w;
  let i = j - ((highWord(y0) >>> 20) & 0x7ff);
  if (i > 16) {
    let t = r;
    w = q * PIO2_2;
    r = t - w;
    w = q * PIO2_2T - ((t - r) - w);
    y0 = r - w;
    i = j - ((highWord(y0) >>> 20) & 0x7ff);
    if (i > 49) {
      t = r;
      w = q * PIO2_3;
      r = t - w;
      w = q * PIO2_3T - ((t - r) - w);
      y0 = r - w;
    }
  }
  return [q, y0, (r - y0) - w];
}

export function sin(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return ix < 0x3e500000 ? x : sinKernel(x, 0, false);
  if (!Number.isFinite(x)) return NaN;
  const [n, y0, y1] = remPio2(x, ix);
  const r = n & 1 ? cosKernel(y0, y1) : sinKernel(y0, y1, true);
  return n & 2 ? -r : r;
}

export function cos(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return ix < 0x3e46a09e ? 1 : cosKernel(x, 0);
  if (!Number.isFinite(x)) return NaN;
  const [n, y0, y1] = remPio2(x, ix);
  const r = n & 1 ? sinKernel(y0, y1, true) : cosKernel(y0, y1);
  return (n + 1) & 2 ? -r : r;
}

const ATANHI = ['3FDDAC670561BB4F', '3FE921FB54442D18', '3FEF730BD281F69B', '3FF921FB54442D18'].map(bits);
const ATANLO = ['3C7A2B7F222F65E2', '3C81A62633145C07', '3C7007887AF0CBBD', '3C91A62633145C07'].map(bits);
const AT = ['3FD555555555550D', 'BFC999999998EBC4', '3FC24924920083FF', 'BFBC71C6FE231671', '3FB745CDC54C206E', 'BFB3B0F2AF749A6D',
  '3FB10D66A0D03D51', 'BFADDE2D52DEFD9A', '3FA97B4B24760DEB', 'BFA2B4442C6A6C2F', '3F90AD3AE322DA11'].map(bits);

export function atan(x: number): number {
  const sx = x;
  const ix = highWord(x) & 0x7fffffff;
  if (ix >= 0x44100000) return Number.isNaN(x) ? x : Math.sign(sx) * (ATANHI[3]! + 2 ** -120);
  let id = -1;
  if (ix >= 0x3fdc0000) {
    x = Math.abs(x);
    if (ix < 0x3ff30000) {
      if (ix < 0x3fe60000) { id = 0; x = (2 * x - 1) / (2 + x); } else { id = 1; x = (x - 1) / (x + 1); }
    } else if (ix < 0x40038000) { id = 2; x = (x - 1.5) / (1 + 1.5 * x); } else { id = 3; x = -1 / x; }
  } else if (ix < 0x3e400000) return x;
  const z = x * x, w = z * z;
  const s1 = z * (AT[0]! + w * (AT[2]! + w * (AT[4]! + w * (AT[6]! + w * (AT[8]! + w * AT[10]!)))));
  const s2 = w * (AT[1]! + w * (AT[3]! + w * (AT[5]! + w * (AT[7]! + w * AT[9]!))));
  const s3 = x * (s1 + s2);
  if (id < 0) return x - s3;
  const r = ATANHI[id]! - ((s3 - ATANLO[id]!) - x);
  return sx < 0 ? -r : r;
}

const A = 0.0962, B = 0.5769;
export const RAD2DEG = 180 / (4 * atan(1));

export interface HilbertSeries {
  /** First bar of the transform (3 WMA seed bars + warmup). */
  first: number;
  /** 4-bar WMA of the price, from bar 3 on. */
  smoothed: Float64Array;
  inPhase: Float64Array;
  quadrature: Float64Array;
  smoothPeriod: Float64Array;
}

/** Ehlers' Hilbert FIR of y at t over same-parity bars, 0 before the first bar. */
function fir(y: Float64Array, t: number, first: number, adjusted: number): number {
  const back = (k: number) => (t - k >= first ? y[t - k]! : 0);
  return (-(A * back(6)) + A * y[t]! - B * back(4) + B * back(2)) * adjusted;
}

export function hilbertSeries(x: Float64Array, warmup: number): HilbertSeries {
  const T = x.length;
  const first = 3 + warmup;
  const smoothed = new Float64Array(T), detrender = new Float64Array(T);
  const i1 = new Float64Array(T), q1 = new Float64Array(T), jI = new Float64Array(T), jQ = new Float64Array(T);
  const smoothPeriod = new Float64Array(T);
  // TA-Lib's running WMA sums (4·x[t] + 3·x[t−1] + 2·x[t−2] + x[t−3]) / 10.
  let sub = x[0]! + x[1]! + x[2]!, sum = x[0]! + x[1]! * 2 + x[2]! * 3;
  for (let t = 3; t < T; t++) {
    sub += x[t]!;
    if (t > 3) sub -= x[t - 4]!;
    sum += x[t]! * 4;
    smoothed[t] = sum * 0.1;
    sum -= sub;
  }
  let period = 0, smooth = 0, i2Prev = 0, q2Prev = 0, re = 0, im = 0;
  for (let t = first; t < T; t++) {
    const adjusted = 0.075 * period + 0.54;
    detrender[t] = fir(smoothed, t, first, adjusted);
    i1[t] = t - 3 >= first ? detrender[t - 3]! : 0;
    q1[t] = fir(detrender, t, first, adjusted);
    jI[t] = fir(i1, t, first, adjusted);
    jQ[t] = fir(q1, t, first, adjusted);
    const q2 = 0.2 * (q1[t]! + jI[t]!) + 0.8 * q2Prev;
    const i2 = 0.2 * (i1[t]! - jQ[t]!) + 0.8 * i2Prev;
    re = 0.2 * (i2 * i2Prev + q2 * q2Prev) + 0.8 * re;
    im = 0.2 * (i2 * q2Prev - q2 * i2Prev) + 0.8 * im;
    i2Prev = i2;
    q2Prev = q2;
    let p = im !== 0 && re !== 0 ? 360 / (atan(im / re) * RAD2DEG) : period;
    p = Math.max(Math.min(p, 1.5 * period), 0.67 * period);
    p = Math.min(Math.max(p, 6), 50);
    period = 0.2 * p + 0.8 * period;
    smooth = 0.33 * period + 0.67 * smooth;
    smoothPeriod[t] = smooth;
  }
  return { first, smoothed, inPhase: i1, quadrature: q1, smoothPeriod };
}

/** The dominant cycle's whole-bar length at t. */
export const cycleBars = (h: HilbertSeries, t: number) => Math.trunc(h.smoothPeriod[t]! + 0.5);

/** HT_DCPHASE from the first bar of the transform: the phase of the smoothed price over one dominant cycle. */
export function dcPhaseSeries(h: HilbertSeries): Float64Array {
  const out = new Float64Array(h.smoothed.length);
  let phase = 0;
  for (let t = h.first; t < out.length; t++) {
    const n = cycleBars(h, t);
    let real = 0, imag = 0;
    for (let i = 0; i < n; i++) {
      const angle = (i * (atan(1) * 8)) / n;
      const price = t - i >= h.first ? h.smoothed[t - i]! : 0;
      real += sin(angle) * price;
      imag += cos(angle) * price;
    }
    // TA-Lib keeps the previous phase when the imaginary part vanishes.
    if (Math.abs(imag) > 0) phase = atan(real / imag) * RAD2DEG;
    else phase += real < 0 ? -90 : real > 0 ? 90 : 0;
    phase += 90;
    phase += 360 / h.smoothPeriod[t]!;
    if (imag < 0) phase += 180;
    if (phase > 315) phase -= 360;
    out[t] = phase;
  }
  return out;
}

/** HT_TRENDLINE from the first bar of the transform: a 4-bar WMA of the mean price over the dominant cycle. */
export function trendlineSeries(x: Float64Array, h: HilbertSeries): Float64Array {
  const out = new Float64Array(x.length);
  const means: number[] = [];
  for (let t = h.first; t < x.length; t++) {
    const n = cycleBars(h, t);
    let mean = 0;
    for (let i = 0; i < n; i++) mean += x[t - i]!;
    if (n > 0) mean /= n;
    const m = (k: number) => means[means.length - k] ?? 0;
    out[t] = (4 * mean + 3 * m(1) + 2 * m(2) + m(3)) / 10;
    means.push(mean);
  }
  return out;
}

/** NaN before the lookback, values from there on. */
export function fromLookback(values: Float64Array, lookback: number): Float64Array {
  const out = Float64Array.from(values);
  out.fill(NaN, 0, Math.min(lookback, out.length));
  return out;
}
