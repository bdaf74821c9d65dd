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
