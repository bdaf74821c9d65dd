export { assignShards, imbalance, type WeightedFile } from './assignShards';
export { FILE_OVERHEAD_MS, type FileDurations, loadFileDurations } from './fileDurations';
export {
  DEFAULT_SERIAL_TAG,
  type FileLane,
  fileLane,
  filesInLane,
  LANE_ENV,
  type Lane,
  laneFromEnv,
  SERIAL_TAG_ENV,
} from './lanes';
// `tmpDir()` itself comes from '@jest-perf/parallel/tmpDir': importing it registers the cleanup hooks
// in the test file, which importing the package's main entry must not do.
export {
  createTmpDirs,
  KEEP_TMP_ENV,
  type LifecycleHooks,
  sanitizeName,
  type TmpDirOptions,
  type TmpDirs,
  type TmpDirsOptions,
} from './tmpDirs';
