export { assignShards, imbalance, type WeightedFile } from './assignShards';
export { FILE_OVERHEAD_MS, type FileDurations, loadFileDurations } from './fileDurations';
