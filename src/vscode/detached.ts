/** Where failures of detached work are logged: the extension's output channel once activate() sets it. */
let logError: (message: string) => void = (message) => console.error(`Policy Annotator: ${message}`);

export function setDetachedErrorLog(log: (message: string) => void): void {
  logError = log;
}

/**
 * Runs work started from an event handler or a timer, which nobody awaits: a failure is logged with what was
 * being done, never left as an unhandled promise rejection (which VS Code reports against the extension).
 */
export function runDetached(what: string, work: Promise<unknown> | (() => Promise<unknown>)): void {
  const promise = typeof work === 'function' ? Promise.resolve().then(work) : work;
  promise.catch((error: unknown) => logError(`${what}: ${error instanceof Error ? error.message : String(error)}`));
}
