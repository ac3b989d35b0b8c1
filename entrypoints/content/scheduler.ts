// When the page is read (again): the generations that let a newer reading overtake an older
// one, the debounce that waits for a changing page to settle (but never longer than maxWaitMs),
// and the duty cycle that spaces readings by DUTY times what the last one cost, so that a page
// that never stops changing loses at most about 1/DUTY of its main thread to Crosscheck.
import { ctxTimer, type Part, type PartContext, type Timer } from './context';

export interface SchedulerOptions {
  debounceMs: number;
  maxWaitMs: number;
  /** The next reading waits at least `duty` times as long as the last one took. */
  duty: number;
  maxBackoffMs: number;
  now: () => number;
}

export const SCHEDULE: SchedulerOptions = {
  debounceMs: 500,
  maxWaitMs: 3000,
  duty: 20,
  maxBackoffMs: 30_000,
  now: () => Date.now(),
};

export interface ScheduleRequest {
  /** Read even when the words are those already answered for (another address, the reader asked). */
  force?: boolean;
  /** Wait this long for the page to settle (default: the debounce). */
  delay?: number;
  /** Leave at least this long after the last reading (a page left alone is looked at again only so often). */
  minGap?: number;
  /** The duty cycle may hold the next reading back at most this long (an address change is read soon). */
  maxGap?: number;
}

export interface Scheduler extends Part {
  /** Asks for a reading; requests that come before it starts are merged into one. */
  schedule(req?: ScheduleRequest): void;
  /** A reading starts now: its generation. */
  begin(): number;
  /** False once a newer reading began or the context went away. */
  isCurrent(generation: number): boolean;
  /** A reading took this many milliseconds of the main thread: spaces the next one. */
  account(ms: number): void;
}

export function startScheduler(
  ctx: Pick<PartContext, 'signal' | 'onInvalidated'>,
  run: (force: boolean) => void,
  options: Partial<SchedulerOptions> = {},
  timer: Timer = ctxTimer(ctx),
): Scheduler {
  const o = { ...SCHEDULE, ...options };
  let generation = 0;
  let lastCost = 0;
  let lastRunAt = 0;
  let firstPending = 0;
  let pendingForce = false;
  // A forced reading (another address) keeps its time: later changes of the page may not push it back.
  let forceDue = Infinity;

  const schedule = ({ force = false, delay = o.debounceMs, minGap = 0, maxGap = o.maxBackoffMs }: ScheduleRequest = {}) => {
    if (ctx.signal.aborted) return;
    const now = o.now();
    if (!firstPending) firstPending = now;
    const earliest = lastRunAt + Math.max(minGap, Math.min(maxGap, lastCost * o.duty));
    let due = now + Math.max(0, Math.min(delay, firstPending + o.maxWaitMs - now), earliest - now);
    if (force) {
      pendingForce = true;
      forceDue = Math.min(forceDue, due);
    }
    if (pendingForce) due = Math.min(due, forceDue);
    timer.set(() => {
      firstPending = 0;
      const f = pendingForce;
      pendingForce = false;
      forceDue = Infinity;
      run(f);
    }, Math.max(0, due - now));
  };

  return {
    schedule,
    begin: () => ++generation,
    isCurrent: (g) => g === generation && !ctx.signal.aborted,
    account(ms) {
      lastCost = ms;
      lastRunAt = o.now();
    },
    dispose: () => timer.clear(),
  };
}
