// Errors that are caught on purpose (a page that refuses our card, a background that is asleep,
// an extension reloaded under an old script) are logged in development builds, so that a caught
// error is never invisible while working on Crosscheck; the store build stays silent.

const DEV = ((import.meta as { env?: { DEV?: boolean } }).env?.DEV ?? false) === true;

/** Logs a caught error in development builds (`wxt`, vitest); nothing in the store build. */
export function devLog(where: string, e: unknown): void {
  if (DEV) console.debug(`[crosscheck] ${where}:`, e);
}
