import { type TalibMappings } from '../types.js';
import { plain } from './common.js';

const talib: TalibMappings = { CDLLONGLEGGEDDOJI: plain };

export default talib;
