/**
 * The linear-time measurement shared by the robustness sections. A function runs once on a text of 16n
 * characters and 16 times on a text of n characters (every result kept alive, so both sides allocate and retain
 * the same amount): the same work for a linear function. The ratio is reported as "time at 16× the input":
 * 16 × T(16n) / T(16 runs at n). Linear work gives about 16, n^1.5 64, quadratic 256; the bound is 40.
 *
 * Why not simply T(16n) / T(n): below some size a run's garbage dies young and is almost free, above it
 * everything is promoted to the old generation, so the per-character cost of any allocating code jumps once
 * between n and 16n (measured: 14× per element for 160,000 objects against 10,000). The robustness runner
 * therefore also starts Node with a 1 MB young generation (`--max-semi-space-size=1`, package.json): both sizes
 * are then on the same side of that jump, and what is left is the algorithm. Times are CPU time, best of five
 * after a GC, after a warm-up; a ratio on the wrong side of the bound is measured again up to four times.
 */
export const INPUT_FACTOR = 16;
export const RATIO_BOUND = 40;

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

/**
 * Ratio for `parse` on `unit` repeated to `size` and 16×`size` characters. A ratio on the wrong side of the bound
 * is measured again up to four times, keeping the `lowest` (for a function meant to be linear) or the `highest`
 * (for a control meant to fail): one unlucky sample is no complexity class.
 */
export function timeRatio(parse: (text: string) => unknown, unit: string, size: number, keep: 'lowest' | 'highest', attempts = 5): number {
  return timeRatioOf(parse, (factor) => unit.repeat(Math.max(1, Math.ceil((size * factor) / unit.length))), keep, attempts);
}

/** The same for texts built by `textAt(factor)` for factors 1 and 16 (an article around a repeated line, say). */
export function timeRatioOf(parse: (text: string) => unknown, textAt: (factor: number) => string, keep: 'lowest' | 'highest', attempts = 5): number {
  const small = textAt(1);
  const large = textAt(INPUT_FACTOR);
  // Warm up on the small text first: code still being compiled would make the small runs look slow.
  bestCpuMs(() => parse(small), 3);
  const measure = () => {
    const manySmall = bestCpuMs(() => {
      const kept: unknown[] = [];
      for (let run = 0; run < INPUT_FACTOR; run++) kept.push(parse(small));
      return kept;
    }, attempts);
    const oneLarge = bestCpuMs(() => parse(large), attempts);
    return (INPUT_FACTOR * Math.max(oneLarge, 0.05)) / Math.max(manySmall, 0.05);
  };
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
    nToTheOnePointFive: timeRatio(nToTheOnePointFive, 'ab', 20_000, 'highest', 3),
    quadratic: timeRatio(quadratic, 'ab', 1_000, 'highest'),
  };
}
