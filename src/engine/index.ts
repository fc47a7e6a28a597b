// The engine's public surface. Other layers import the engine only through this file.
export * from './vocab.js';
export type * from './types.js';
export {CATALOG, instanceType, isValidFargateSize, lambdaVcpu} from './catalog.js';
export type {Catalog, InstanceType, Source} from './catalog.js';
export * from './defaults.js';
export {parseWhen, formatMinute, clockOf, inOfficeHours, OFFICE_HOURS, HOURS_PER_MONTH, MINUTES_PER_DAY, MINUTES_PER_HOUR, WEEKDAYS} from './time.js';
export type {ParsedWhen, Weekday} from './time.js';
export {createRng, nextFloat, nextInt, nextSigned, shuffled} from './prng.js';
export type {Rng} from './prng.js';
export {simulate, ENGINE_VERSION, horizonMinutes} from './simulate.js';
export {estimate} from './estimate.js';
export type {Estimate} from './estimate.js';
export {staticFindings, makeFinding, findingSeverity} from './findings-static.js';
export {checkSolution, triggerFor} from './check.js';
export {score, TOTAL_POINTS, TWO_STAR_POINTS} from './score.js';
export type {Score} from './score.js';
export {canonicalJson, fingerprint, levelHash} from './hash.js';
export {dailyMultipliers} from './sim/demand.js';
