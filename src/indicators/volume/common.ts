// What several volume definitions share.
export const HLCV = ['high', 'low', 'close', 'volume'] as const;
