import * as DecisionsApi from '../core/decision/api';

export type Decisions = typeof DecisionsApi;

/** The web extension host loads one file: decisions are bundled into it. */
export function loadDecisions(_extensionPath: string): Decisions {
  return DecisionsApi;
}
