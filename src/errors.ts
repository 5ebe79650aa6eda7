// Errors a user can act on. Their message is printed as one line after "newsclaims: ".

/** One input could not be read or understood; the batch goes on without it. */
export class InputError extends Error {
  constructor(
    readonly source: string,
    readonly reason: string,
  ) {
    super(`cannot read '${source}': ${reason}`);
  }
}

/** The database cannot be used; nothing was written. */
export class StoreError extends Error {}

/** The command line is wrong (exit code 2). */
export class UsageError extends Error {}

/** An id prefix that several articles share; the message names some of them (exit code 1). */
export class AmbiguousArticleError extends StoreError {}

/** A database URL as it may be shown: the password, if any, replaced by "***". */
export function redact(location: string): string {
  return location.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@:]*:)[^/@]*@/i, '$1***@');
}
