import path from 'node:path';
import type { registerWritingFlow } from './register';

/**
 * dist/writingFlow.js (a separate bundle of register.ts), required once the corpus has loaded, so the startup
 * bundle never holds it. The web build replaces this module by lazy.web.ts (a web worker cannot require a file).
 */
export function loadWritingFlow(): { registerWritingFlow: typeof registerWritingFlow } {
  // A path esbuild cannot follow, so the features stay out of dist/extension.js.
  const file = path.join(__dirname, 'writingFlow.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as { registerWritingFlow: typeof registerWritingFlow };
}
