// The public API, listed in the README ("Public API"); everything else is internal to the package.
export { assignShards, type WeightedFile } from './assignShards';
export { DEFAULT_SERIAL_TAG, type FileLane, fileLane, LANE_ENV, type Lane, SERIAL_TAG_ENV } from './lanes';
// `tmpDir()` itself comes from '@jest-perf/parallel/tmpDir': importing it registers the cleanup hooks
// in the test file, which importing the package's main entry must not do.
export {
  createTmpDirs,
  KEEP_TMP_ENV,
  type LifecycleHooks,
  type TmpDirOptions,
  type TmpDirs,
  type TmpDirsOptions,
} from './tmpDirs';
