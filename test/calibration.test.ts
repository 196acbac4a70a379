import { describe, expect, it } from 'vitest';
import { createBackend } from '../dist/backends/index.js';
import { INDICATORS } from '../dist/registry/index.js';
import { calibrate } from '../dist/runtime/artifacts.js';

// Calibration feeds chunk sizes and the inline threshold: every kernel needs a
// finite, positive cost on both backends (its value is a timing, not asserted).
describe.each(['native', 'wasm'] as const)('calibrate() on %s', (name) => {
  it('gives every kernel a finite cost per value', () => {
    const cal = calibrate(createBackend({ name, file: null }));
    expect(Object.keys(cal).sort()).toEqual(INDICATORS.map((d) => d.id).sort());
    for (const [id, ns] of Object.entries(cal)) {
      expect(Number.isFinite(ns), id).toBe(true);
      expect(ns, id).toBeGreaterThan(0);
    }
  });
});
