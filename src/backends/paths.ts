import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The package root (dist/backends/ -> ../..), where build/ and build-wasm/ live. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WASM_PATH = path.join(PACKAGE_ROOT, 'build-wasm', 'ta_grid.wasm');
