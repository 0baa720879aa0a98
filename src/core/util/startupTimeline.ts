/**
 * When each step of the extension's start happened (activate(), the embedded corpus, the workspace corpus, the
 * law index, the first hover …), on the `performance.now()` clock of the host that runs it, so a test in the
 * same host can print the timeline and await a step instead of sleeping. Only the first time of each step
 * counts: later reloads do not move it.
 */
export interface TimelineMark {
  readonly step: string;
  /** `performance.now()` when the step happened. */
  readonly at: number;
}

export class StartupTimeline {
  readonly #marks = new Map<string, number>();
  readonly #waiting = new Map<string, ((at: number) => void)[]>();

  constructor(private readonly now: () => number = () => globalThis.performance?.now() ?? Date.now()) {}

  /** Records `step` now, unless it was recorded before; wakes whoever awaits it. */
  mark(step: string, at = this.now()): void {
    if (this.#marks.has(step)) return;
    this.#marks.set(step, at);
    const waiting = this.#waiting.get(step);
    this.#waiting.delete(step);
    for (const resolve of waiting ?? []) resolve(at);
  }

  /** When `step` happened, or undefined if not yet. */
  at(step: string): number | undefined {
    return this.#marks.get(step);
  }

  /** Resolves with the step's time once it has happened (at once if it has). */
  whenMarked(step: string): Promise<number> {
    const at = this.#marks.get(step);
    if (at !== undefined) return Promise.resolve(at);
    return new Promise((resolve) => {
      const waiting = this.#waiting.get(step) ?? [];
      waiting.push(resolve);
      this.#waiting.set(step, waiting);
    });
  }

  /** Every step so far, in the order they happened. */
  marks(): TimelineMark[] {
    return [...this.#marks].map(([step, at]) => ({ step, at })).sort((a, b) => a.at - b.at);
  }
}
