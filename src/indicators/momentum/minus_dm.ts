import type { IndicatorDef } from '../types.js';
import { directionalMovement } from './common.js';

const definition: IndicatorDef = directionalMovement('minus');

export default definition;
