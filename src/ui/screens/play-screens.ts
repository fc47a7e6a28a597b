// The builder and the run screens, by the names the game uses (tests swap this module for stand-ins).
export {BuilderScreen} from '../builder/BuilderScreen.js';
export {RunScreen} from '../run/RunScreen.js';
