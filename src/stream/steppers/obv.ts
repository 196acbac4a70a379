// volume.obv, stepped: native/volume/obv.h. Each run of valid bars (close
// and volume) starts at its first volume, then adds the volume when the
// close rises and subtracts it when it falls. State: (level, previous close;
// NaN after an invalid bar).
import { sameInEveryVariant, type Stepper, type StepperContext } from './types.js';

export default function obv(ctx: StepperContext): Stepper {
  const [c, vol] = (['close', 'volume'] as const).map((s) => ctx.sourceIndex(s));
  const state = new Float64Array([NaN, NaN]);
  return {
    state,
    step(bar, rows) {
      const close = bar[c!]!, volume = bar[vol!]!;
      const prev = state[1]!;
      let level = NaN;
      if (close === close && volume === volume) {
        level = state[0]!;
        if (prev !== prev) level = volume;
        else if (close > prev) level += volume;
        else if (close < prev) level -= volume;
      }
      state[0] = level;
      state[1] = level === level ? close : NaN;
      rows[0]?.fill(level);
    },
    // The kernel's state is this one, per variant (native/volume/obv.h; every variant the same).
    kernel: sameInEveryVariant(state, ctx.grid.variants),
  };
}
