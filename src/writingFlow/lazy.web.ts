import { registerWritingFlow } from './register';

/** The web build: bundled in (a web worker cannot require a file). */
export function loadWritingFlow(): { registerWritingFlow: typeof registerWritingFlow } {
  return { registerWritingFlow };
}
