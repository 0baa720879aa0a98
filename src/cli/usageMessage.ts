import { terminalSafe } from '../core/util/controlText';

const MAX_MESSAGE = 500;

/**
 * A usage error's message as printed: escaped (it may quote a glob, a path or a file name from the command
 * line or the configuration) and cut, so a 100 KB glob is not echoed back whole.
 */
export function usageMessage(message: string): string {
  const safe = terminalSafe(message);
  return safe.length > MAX_MESSAGE ? `${safe.slice(0, MAX_MESSAGE - 1)}… (${safe.length - MAX_MESSAGE + 1} more characters)` : safe;
}
