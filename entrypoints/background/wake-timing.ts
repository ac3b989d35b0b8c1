// The background's own account of its wake, for tests/bench/extension-wake.ts: performance.now()
// in a service worker counts from the worker's start, so these are times since the wake, script
// evaluation included. Kept on a global the bench reads from the worker; nothing reads it here.
// Imported first by background.ts, so that `scriptMs` is taken before any other module runs.

export interface WakeTiming {
  /** The worker's start on the epoch clock (performance.timeOrigin), to line up with the page's. */
  origin: number;
  /** The script began to run, and its top level (main() included) finished. */
  scriptMs: number;
  evaluatedMs?: number;
  /** The first page's request came in, and its answer was ready to go back. */
  firstAskedMs?: number;
  firstVerdictMs?: number;
  /** Steps of the first page's answer (the first time each is reached), for the bench to print. */
  marks: Record<string, number>;
}

export const wakeTiming: WakeTiming = { origin: performance.timeOrigin, scriptMs: performance.now(), marks: {} };
(globalThis as { crosscheckWake?: WakeTiming }).crosscheckWake = wakeTiming;

export function noteEvaluated(): void {
  wakeTiming.evaluatedMs ??= performance.now();
}

export function noteAsked(): void {
  wakeTiming.firstAskedMs ??= performance.now();
}

export function noteAnswered(): void {
  wakeTiming.firstVerdictMs ??= performance.now();
}

/** A step of the first answer reached (only its first time counts). */
export function markWake(step: string): void {
  if (wakeTiming.firstVerdictMs === undefined) wakeTiming.marks[step] ??= performance.now();
}
