/**
 * Cooperative time-slicing: long loops call `maybeYield()` often; it yields to the event loop only once
 * the current slice has run `sliceMs`, so no task stalls the extension host while short loops stay fast.
 */
export class Slicer {
  #sliceStart = now();

  constructor(private readonly sliceMs = 8) {}

  async maybeYield(): Promise<void> {
    if (now() - this.#sliceStart < this.sliceMs) return;
    await yieldToEventLoop();
    this.#sliceStart = now();
  }
}

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}

/** setImmediate where it exists (Node: no 1 ms clamp), a zero timeout elsewhere (browsers, web workers). */
export function yieldToEventLoop(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
  return new Promise((resolve) => (immediate ? immediate(resolve) : setTimeout(resolve, 0)));
}
