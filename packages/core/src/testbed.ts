import type { RunFile, Testbed } from './types';

/** Others' CPU share (of all cores) from which a run counts as made on a busy machine. */
export const BUSY_OTHERS_SHARE = 0.25;

function major(version: string): number {
  const match = /(\d+)/.exec(version);
  return match ? Number(match[1]) : 0;
}

/** The testbed a run was measured on (CPU, cores, memory, OS, Node and Jest majors). */
export function testbedOf(run: Pick<RunFile, 'machine' | 'nodeVersion' | 'jestVersion'>): Testbed {
  const { machine } = run;
  const os = machine.osRelease
    ? `${machine.platform}-${machine.arch} ${machine.osRelease.split('-')[0]}`
    : `${machine.platform}-${machine.arch}`;
  const memoryGb = Math.round(machine.totalMemoryMb / 1024);
  const nodeMajor = major(run.nodeVersion);
  const jestMajor = major(run.jestVersion);
  const key = [
    machine.cpuModel,
    `${machine.cores} cores`,
    `${memoryGb} GiB`,
    os,
    `node ${nodeMajor}`,
    `jest ${jestMajor}`,
  ].join(', ');
  return { key, cpuModel: machine.cpuModel, cores: machine.cores, memoryGb, os, nodeMajor, jestMajor };
}

/**
 * Whether two testbeds are the same for wall-time comparisons. The OS release is compared only when both
 * sides know it (run files written before it was recorded do not).
 */
export function sameTestbed(a: Testbed, b: Testbed): boolean {
  const osA = a.os.split(' ')[0];
  const osB = b.os.split(' ')[0];
  const releases = a.os.includes(' ') && b.os.includes(' ') ? a.os === b.os : true;
  return (
    a.cpuModel === b.cpuModel &&
    a.cores === b.cores &&
    a.memoryGb === b.memoryGb &&
    osA === osB &&
    releases &&
    a.nodeMajor === b.nodeMajor &&
    a.jestMajor === b.jestMajor
  );
}

/** A file-name-safe short form of a testbed's key (for one baseline per testbed). */
export function testbedSlug(testbed: Testbed): string {
  return testbed.key
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);
}
