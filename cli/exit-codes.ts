// The command's exit status, so scripts can tell what went wrong.
export const EXIT = {
  ok: 0,
  /** Could not connect or log in, timed out, the session ended, or anything unexpected. */
  failure: 1,
  /** A wrong argument: nothing was sent. */
  usage: 2,
  /** The exchange refused the request (order rejected or invalid, cancel rejected). */
  refused: 3,
  /** Stopped by Ctrl-C or SIGTERM before it finished (128 + SIGINT). */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
