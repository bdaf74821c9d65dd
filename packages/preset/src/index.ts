export { createPreset, DATA_DIR_PATTERN, type PresetOptions } from './createPreset';
export { reporters } from './paths';
export { withJestPerf } from './withJestPerf';
