// sin, cos and atan as both kernel builds compute them: a TypeScript copy,
// operation for operation, of the fdlibm code (musl's) in the `fdlibm`
// namespace of native/cycle/common.h, which is AssemblyScript's Math. V8's
// Math.sin and Math.cos differ from it in the last bit for about 1 angle in
// 100, and the Hilbert transform feeds its phase back, so its steppers take
// these. Pure IEEE double arithmetic, so the bits are the kernels' on every
// backend (test/stream-hilbert.test.ts).

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
/** Index of the high word of a double in u32 (0 on a big-endian machine). */
const HI = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1 ? 1 : 0;

function highWord(x: number): number {
  f64[0] = x;
  return u32[HI]!;
}

/** The double of the 64 bits hi:lo. */
function bits(hi: number, lo: number): number {
  u32[HI] = hi;
  u32[1 - HI] = lo;
  return f64[0]!;
}

function copysign(a: number, s: number): number {
  const m = Math.abs(a);
  return s < 0 || (s === 0 && 1 / s < 0) ? -m : m;
}

/** nearbyint: to the nearest integer, ties to even (the default rounding mode). */
function nearbyint(v: number): number {
  const r = Math.round(v);  // ties toward +infinity
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

const S1 = bits(0xbfc55555, 0x55555549), S2 = bits(0x3f811111, 0x1110f8a6), S3 = bits(0xbf2a01a0, 0x19c161d5),
  S4 = bits(0x3ec71de3, 0x57b1fe7d), S5 = bits(0xbe5ae5e6, 0x8a2b9ceb), S6 = bits(0x3de5d93a, 0x5acfd57c);

function sinKernel(x: number, y: number, iy: number): number {
  const z = x * x, w = z * z;
  const r = S2 + z * (S3 + z * S4) + z * w * (S5 + z * S6);
  const v = z * x;
  if (!iy) return x + v * (S1 + z * r);
  return x - ((z * (0.5 * y - v * r) - y) - v * S1);
}

const C1 = bits(0x3fa55555, 0x5555554c), C2 = bits(0xbf56c16c, 0x16c15177), C3 = bits(0x3efa01a0, 0x19cb1590),
  C4 = bits(0xbe927e4f, 0x809c52ad), C5 = bits(0x3e21ee9e, 0xbdb4b1c4), C6 = bits(0xbda8fae9, 0xbe8838d4);

function cosKernel(x: number, y: number): number {
  const z = x * x;
  let w = z * z;
  const r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
  const hz = 0.5 * z;
  w = 1.0 - hz;
  return w + (((1.0 - w) - hz) + (z * r - x * y));
}

const PIO2_1 = bits(0x3ff921fb, 0x54400000), PIO2_1T = bits(0x3dd0b461, 0x1a626331),
  PIO2_2 = bits(0x3dd0b461, 0x1a600000), PIO2_2T = bits(0x3ba3198a, 0x2e037073),
  PIO2_3 = bits(0x3ba3198a, 0x2e000000), PIO2_3T = bits(0x397b839a, 0x252049c1),
  INVPIO2 = bits(0x3fe45f30, 0x6dc9c883);

// remPio2's results: x = n·π/2 + y0 + y1.
let remN = 0, remY0 = 0, remY1 = 0;

/** x = n·π/2 + y0 + y1 for |x| < 2^20·π/2 (into remN, remY0, remY1); false beyond. */
function remPio2(x: number, ix: number, negative: boolean): boolean {
  if (ix < 0x4002d97c) {  // |x| < 3π/4: n = ±1
    let z: number;
    if (!negative) {
      z = x - PIO2_1;
      if (ix !== 0x3ff921fb) { remY0 = z - PIO2_1T; remY1 = (z - remY0) - PIO2_1T; }
      else { z -= PIO2_2; remY0 = z - PIO2_2T; remY1 = (z - remY0) - PIO2_2T; }
      remN = 1;
    } else {
      z = x + PIO2_1;
      if (ix !== 0x3ff921fb) { remY0 = z + PIO2_1T; remY1 = (z - remY0) + PIO2_1T; }
      else { z += PIO2_2; remY0 = z + PIO2_2T; remY1 = (z - remY0) + PIO2_2T; }
      remN = -1;
    }
    return true;
  }
  if (ix >= 0x413921fb) return false;
  const q = nearbyint(x * INVPIO2);
  let r = x - q * PIO2_1, w = q * PIO2_1T;
  const j = ix >>> 20;
  remY0 = r - w;
  let i = j - ((highWord(remY0) >>> 20) & 0x7ff);
  if (i > 16) {
    let t = r;
    w = q * PIO2_2;
    r = t - w;
    w = q * PIO2_2T - ((t - r) - w);
    remY0 = r - w;
    i = j - ((highWord(remY0) >>> 20) & 0x7ff);
    if (i > 49) {
      t = r;
      w = q * PIO2_3;
      r = t - w;
      w = q * PIO2_3T - ((t - r) - w);
      remY0 = r - w;
    }
  }
  remY1 = (r - remY0) - w;
  remN = q | 0;
  return true;
}

export function sin(x: number): number {
  const hi = highWord(x);
  const ix = (hi & 0x7fffffff) >>> 0;
  if (ix <= 0x3fe921fb) return ix < 0x3e500000 ? x : sinKernel(x, 0.0, 0);
  if (ix >= 0x7ff00000) return x - x;
  // Beyond 2^20·π/2 the kernels take the C library's (never reached: the transform's angles stay within a few turns).
  if (!remPio2(x, ix, hi >>> 31 !== 0)) return Math.sin(x);
  const r = remN & 1 ? cosKernel(remY0, remY1) : sinKernel(remY0, remY1, 1);
  return remN & 2 ? -r : r;
}

export function cos(x: number): number {
  const hi = highWord(x);
  const ix = (hi & 0x7fffffff) >>> 0;
  if (ix <= 0x3fe921fb) return ix < 0x3e46a09e ? 1.0 : cosKernel(x, 0.0);
  if (ix >= 0x7ff00000) return x - x;
  if (!remPio2(x, ix, hi >>> 31 !== 0)) return Math.cos(x);
  const r = remN & 1 ? sinKernel(remY0, remY1, 1) : cosKernel(remY0, remY1);
  return (remN + 1) & 2 ? -r : r;
}

const ATANHI = [bits(0x3fddac67, 0x0561bb4f), bits(0x3fe921fb, 0x54442d18), bits(0x3fef730b, 0xd281f69b), bits(0x3ff921fb, 0x54442d18)];
const ATANLO = [bits(0x3c7a2b7f, 0x222f65e2), bits(0x3c81a626, 0x33145c07), bits(0x3c700788, 0x7af0cbbd), bits(0x3c91a626, 0x33145c07)];
const AT0 = bits(0x3fd55555, 0x5555550d), AT1 = bits(0xbfc99999, 0x9998ebc4), AT2 = bits(0x3fc24924, 0x920083ff),
  AT3 = bits(0xbfbc71c6, 0xfe231671), AT4 = bits(0x3fb745cd, 0xc54c206e), AT5 = bits(0xbfb3b0f2, 0xaf749a6d),
  AT6 = bits(0x3fb10d66, 0xa0d03d51), AT7 = bits(0xbfadde2d, 0x52defd9a), AT8 = bits(0x3fa97b4b, 0x24760deb),
  AT9 = bits(0xbfa2b444, 0x2c6a6c2f), AT10 = bits(0x3f90ad3a, 0xe322da11);
const TINY = bits(0x38700000, 0);  // 0x1p-120

export function atan(x: number): number {
  const sx = x;
  const ix = (highWord(x) & 0x7fffffff) >>> 0;
  if (ix >= 0x44100000) {
    if (x !== x) return x;
    return copysign(ATANHI[3]! + TINY, sx);
  }
  let id: number;
  if (ix < 0x3fdc0000) {
    if (ix < 0x3e400000) return x;
    id = -1;
  } else {
    x = Math.abs(x);
    if (ix < 0x3ff30000) {
      if (ix < 0x3fe60000) { id = 0; x = (2.0 * x - 1.0) / (2.0 + x); }
      else { id = 1; x = (x - 1.0) / (x + 1.0); }
    } else {
      if (ix < 0x40038000) { id = 2; x = (x - 1.5) / (1.0 + 1.5 * x); }
      else { id = 3; x = -1.0 / x; }
    }
  }
  const z = x * x, w = z * z;
  const s1 = z * (AT0 + w * (AT2 + w * (AT4 + w * (AT6 + w * (AT8 + w * AT10)))));
  const s2 = w * (AT1 + w * (AT3 + w * (AT5 + w * (AT7 + w * AT9))));
  const s3 = x * (s1 + s2);
  if (id < 0) return x - s3;
  return copysign(ATANHI[id]! - ((s3 - ATANLO[id]!) - x), sx);
}
