// The time of one short sample (a keystroke's completion, one resolve of an article's mentions).
//
// Neither clock alone measures the work: wall time also counts the other processes of a shared machine, and
// process CPU time (process.cpuUsage) counts every thread of the process, so V8's compiler and concurrent
// garbage-collection threads, running beside the sample, add their time to it (measured: samples of 4.6 ms
// CPU that took 0.6 ms of wall time, on an idle machine). Both are upper bounds on the main thread's time,
// which is what delays the editor, so a sample is the smaller of the two; a main-thread garbage collection
// pause is in both and stays counted. Node 20 has no per-thread CPU clock (process.threadCpuUsage is 23.9+).

export interface Sample {
  /** min(wall, process CPU): the bound on the main thread's time that the targets use. */
  readonly ms: number;
  readonly processCpuMs: number;
  readonly wallMs: number;
}

export function sampleTime(run: () => void): Sample {
  const cpuStarted = process.cpuUsage();
  const wallStarted = process.hrtime.bigint();
  run();
  const wallMs = Number(process.hrtime.bigint() - wallStarted) / 1e6;
  const { user, system } = process.cpuUsage(cpuStarted);
  const processCpuMs = (user + system) / 1000;
  return { ms: Math.min(wallMs, processCpuMs), processCpuMs, wallMs };
}
