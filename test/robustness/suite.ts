/** The robustness runner's bookkeeping: named checks (any failure fails the run) and the figures table. */
export interface Figure {
  readonly section: string;
  readonly name: string;
  readonly value: string;
}

export class Suite {
  readonly figures: Figure[] = [];
  readonly failures: string[] = [];
  checks = 0;

  constructor(private readonly section: string) {}

  /** Records a check; a failing one is printed at once and fails the run. */
  check(name: string, ok: boolean, detail?: string): boolean {
    this.checks++;
    if (!ok) {
      const line = `${this.section}: ${name}${detail ? ` — ${detail}` : ''}`;
      this.failures.push(line);
      console.log(`  ✘ ${line.slice(0, 400)}`);
    }
    return ok;
  }

  figure(name: string, value: string | number): void {
    this.figures.push({ section: this.section, name, value: String(value) });
  }
}

export function milliseconds(value: number): string {
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

/**
 * CPU time of a synchronous call, best of `runs`: the machine may be shared (CI runners, parallel jobs), and
 * wall-clock time would count other processes' turns as ours.
 */
export function cpuMs(work: () => unknown, runs = 1): number {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const started = process.cpuUsage();
    work();
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}
