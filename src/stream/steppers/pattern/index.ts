// The candlestick patterns' steppers (src/stream/steppers/patterns.ts), one
// file per pattern, spread into STEPPERS by src/stream/steppers/index.ts.
import type { StepperFactory } from '../types.js';
import abandonedBaby from './abandoned_baby.js';
import advanceBlock from './advance_block.js';
import beltHold from './belt_hold.js';
import breakaway from './breakaway.js';
import closingMarubozu from './closing_marubozu.js';
import concealBabySwallow from './conceal_baby_swallow.js';
import counterattack from './counterattack.js';
import darkCloudCover from './dark_cloud_cover.js';
import doji from './doji.js';
import dojiStar from './doji_star.js';
import dragonflyDoji from './dragonfly_doji.js';
import engulfing from './engulfing.js';
import eveningDojiStar from './evening_doji_star.js';
import eveningStar from './evening_star.js';
import gapSideSideWhite from './gap_side_side_white.js';
import gravestoneDoji from './gravestone_doji.js';
import hammer from './hammer.js';
import hangingMan from './hanging_man.js';
import harami from './harami.js';
import haramiCross from './harami_cross.js';
import highWave from './high_wave.js';
import hikkake from './hikkake.js';
import hikkakeMod from './hikkake_mod.js';
import homingPigeon from './homing_pigeon.js';
import identicalThreeCrows from './identical_three_crows.js';
import inNeck from './in_neck.js';
import invertedHammer from './inverted_hammer.js';
import kicking from './kicking.js';
import kickingByLength from './kicking_by_length.js';
import ladderBottom from './ladder_bottom.js';
import longLeggedDoji from './long_legged_doji.js';
import longLine from './long_line.js';
import marubozu from './marubozu.js';
import matHold from './mat_hold.js';
import matchingLow from './matching_low.js';
import morningDojiStar from './morning_doji_star.js';
import morningStar from './morning_star.js';
import onNeck from './on_neck.js';
import piercing from './piercing.js';
import rickshawMan from './rickshaw_man.js';
import riseFallThreeMethods from './rise_fall_three_methods.js';
import separatingLines from './separating_lines.js';
import shootingStar from './shooting_star.js';
import shortLine from './short_line.js';
import spinningTop from './spinning_top.js';
import stalledPattern from './stalled_pattern.js';
import stickSandwich from './stick_sandwich.js';
import takuri from './takuri.js';
import tasukiGap from './tasuki_gap.js';
import threeBlackCrows from './three_black_crows.js';
import threeInside from './three_inside.js';
import threeLineStrike from './three_line_strike.js';
import threeOutside from './three_outside.js';
import threeStarsInSouth from './three_stars_in_south.js';
import threeWhiteSoldiers from './three_white_soldiers.js';
import thrusting from './thrusting.js';
import tristar from './tristar.js';
import twoCrows from './two_crows.js';
import uniqueThreeRiver from './unique_three_river.js';
import upsideGapTwoCrows from './upside_gap_two_crows.js';
import xsideGapThreeMethods from './xside_gap_three_methods.js';

export const PATTERN_STEPPERS: Readonly<Record<string, StepperFactory>> = {
  'pattern.abandoned_baby': abandonedBaby,
  'pattern.advance_block': advanceBlock,
  'pattern.belt_hold': beltHold,
  'pattern.breakaway': breakaway,
  'pattern.closing_marubozu': closingMarubozu,
  'pattern.conceal_baby_swallow': concealBabySwallow,
  'pattern.counterattack': counterattack,
  'pattern.dark_cloud_cover': darkCloudCover,
  'pattern.doji': doji,
  'pattern.doji_star': dojiStar,
  'pattern.dragonfly_doji': dragonflyDoji,
  'pattern.engulfing': engulfing,
  'pattern.evening_doji_star': eveningDojiStar,
  'pattern.evening_star': eveningStar,
  'pattern.gap_side_side_white': gapSideSideWhite,
  'pattern.gravestone_doji': gravestoneDoji,
  'pattern.hammer': hammer,
  'pattern.hanging_man': hangingMan,
  'pattern.harami': harami,
  'pattern.harami_cross': haramiCross,
  'pattern.high_wave': highWave,
  'pattern.hikkake': hikkake,
  'pattern.hikkake_mod': hikkakeMod,
  'pattern.homing_pigeon': homingPigeon,
  'pattern.identical_three_crows': identicalThreeCrows,
  'pattern.in_neck': inNeck,
  'pattern.inverted_hammer': invertedHammer,
  'pattern.kicking': kicking,
  'pattern.kicking_by_length': kickingByLength,
  'pattern.ladder_bottom': ladderBottom,
  'pattern.long_legged_doji': longLeggedDoji,
  'pattern.long_line': longLine,
  'pattern.marubozu': marubozu,
  'pattern.mat_hold': matHold,
  'pattern.matching_low': matchingLow,
  'pattern.morning_doji_star': morningDojiStar,
  'pattern.morning_star': morningStar,
  'pattern.on_neck': onNeck,
  'pattern.piercing': piercing,
  'pattern.rickshaw_man': rickshawMan,
  'pattern.rise_fall_three_methods': riseFallThreeMethods,
  'pattern.separating_lines': separatingLines,
  'pattern.shooting_star': shootingStar,
  'pattern.short_line': shortLine,
  'pattern.spinning_top': spinningTop,
  'pattern.stalled_pattern': stalledPattern,
  'pattern.stick_sandwich': stickSandwich,
  'pattern.takuri': takuri,
  'pattern.tasuki_gap': tasukiGap,
  'pattern.three_black_crows': threeBlackCrows,
  'pattern.three_inside': threeInside,
  'pattern.three_line_strike': threeLineStrike,
  'pattern.three_outside': threeOutside,
  'pattern.three_stars_in_south': threeStarsInSouth,
  'pattern.three_white_soldiers': threeWhiteSoldiers,
  'pattern.thrusting': thrusting,
  'pattern.tristar': tristar,
  'pattern.two_crows': twoCrows,
  'pattern.unique_three_river': uniqueThreeRiver,
  'pattern.upside_gap_two_crows': upsideGapTwoCrows,
  'pattern.xside_gap_three_methods': xsideGapThreeMethods,
};
