import { StartupTimeline } from '../core/util/startupTimeline';

/**
 * The extension host's one startup timeline (issue 19, "first hover"): activate(), the corpus, the law index,
 * the first hover of each provider. The API returned by activate() exposes it, so the integration suite prints
 * it and awaits steps instead of sleeping.
 */
export const startup = new StartupTimeline();

/** Marks `step` when `promise` settles (fulfilled or not): for steps that end in a promise. */
export function markWhenSettled(step: string, promise: Promise<unknown>): void {
  promise.then(
    () => startup.mark(step),
    () => startup.mark(`${step} (failed)`),
  );
}
