import { patternDef } from './common.js';

export default patternDef({
  name: 'inverted_hammer',
  talib: 'CDLINVERTEDHAMMER',
  title: 'Inverted hammer',
  signal: '+100 where a small body with a long upper shadow and almost no lower shadow gaps down from the previous body; else 0',
  lookback: 11,
});
