// What the Hilbert-transform definitions share.
export const HILBERT_NOTE =
  'Ehlers\' Hilbert transform as TA-Lib computes it: a 4-bar WMA of the price, the homodyne discriminator for the ' +
  'dominant-cycle period, odd and even bars filtered apart (by their parity within a run of valid bars). A run of ' +
  'valid bars restarts the transform, as TA-Lib does on a series that starts there (unstable period 0).';
