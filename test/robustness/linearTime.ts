/**
 * The linear-time measurement shared by the robustness sections. A function is timed on a repeated unit at five
 * sizes, n to 16n, and the slope of log(time) against log(size) is fitted by least squares; the reported ratio is
 * 16 to that slope, the time at 16n over the time at n read off the fitted line. Fitting five sizes is steadier
 * than dividing two samples on a shared machine.
 *
 * Expected ratios at 16× the input: linear 16 (a little more from garbage collection and caches on larger
 * inputs), n log n about 20, n^1.5 64, quadratic 256. The bound, 40, sits between n log n and n^1.5, so the check
 * fails an n^1.5 algorithm: the controls below prove it on every run.
 */

export const INPUT_FACTOR = 16;
export const RATIO_BOUND = 40;
const FACTORS = [1, 2, 4, 8, 16];

/** CPU milliseconds of `work`, best of `attempts`, each after a GC (the runner exposes it). */
function bestCpuMs(work: () => unknown, attempts: number): number {
  let best = Infinity;
  for (let attempt = 0; attempt < attempts; attempt++) {
    (globalThis as { gc?: () => void }).gc?.();
    const started = process.cpuUsage();
    work();
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/** 16 to the least-squares slope of log(ms) over log(size). */
function fittedRatio(times: readonly number[]): number {
  const xs = FACTORS.map(Math.log);
  const ys = times.map((ms) => Math.log(Math.max(ms, 0.05)));
  const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / ys.length;
  let covariance = 0;
  let variance = 0;
  xs.forEach((x, index) => {
    covariance += (x - meanX) * (ys[index]! - meanY);
    variance += (x - meanX) ** 2;
  });
  return INPUT_FACTOR ** (covariance / variance);
}

/**
 * Ratio for `parse` on `unit` repeated to `size`…16×`size` characters. A ratio on the wrong side of the bound is
 * measured again up to four times, keeping the `lowest` (for a function meant to be linear) or the `highest` (for
 * a control meant to fail): one unlucky sample is no complexity class.
 */
export function timeRatio(parse: (text: string) => unknown, unit: string, size: number, keep: 'lowest' | 'highest', attempts = 3): number {
  return timeRatioOf(parse, (factor) => unit.repeat(Math.max(1, Math.ceil((size * factor) / unit.length))), keep, attempts);
}

/** The same for texts built by `textAt(factor)` for factors 1 to 16 (an article around a repeated line, say). */
export function timeRatioOf(parse: (text: string) => unknown, textAt: (factor: number) => string, keep: 'lowest' | 'highest', attempts = 3): number {
  const texts = FACTORS.map(textAt);
  // Warm up on the smallest text first: code still being compiled would make n look slow and flatten the slope.
  bestCpuMs(() => parse(texts[0]!), 3);
  const measure = () => fittedRatio(texts.map((text) => bestCpuMs(() => parse(text), attempts)));
  const wrongSide = (ratio: number) => (keep === 'lowest' ? ratio >= RATIO_BOUND : ratio < RATIO_BOUND);
  let ratio = measure();
  for (let again = 1; again < 5 && wrongSide(ratio); again++) ratio = keep === 'lowest' ? Math.min(ratio, measure()) : Math.max(ratio, measure());
  return ratio;
}

/** Work proportional to n^1.5: for every character, a walk of √n characters. */
export function nToTheOnePointFive(text: string): number {
  const step = Math.ceil(Math.sqrt(text.length));
  let sum = 0;
  for (let outer = 0; outer < text.length; outer++) for (let inner = 0; inner < step; inner++) sum += text.charCodeAt((outer + inner) % text.length) & 1;
  return sum;
}

/** Work proportional to n²: every pair of characters. */
export function quadratic(text: string): number {
  let pairs = 0;
  for (let outer = 0; outer < text.length; outer++) for (let inner = outer; inner < text.length; inner++) pairs += text.charCodeAt(inner) & 1;
  return pairs;
}

/** The controls' ratios: both must be over the bound, or passing the linear-time checks would mean nothing. */
export function controlRatios(): { nToTheOnePointFive: number; quadratic: number } {
  return {
    nToTheOnePointFive: timeRatio(nToTheOnePointFive, 'ab', 40_000, 'highest'),
    quadratic: timeRatio(quadratic, 'ab', 1_000, 'highest'),
  };
}
