// What a command may touch of the outside world: two output streams, the
// environment, the terminal's size, and a signal that fires on Ctrl-C
// (SIGINT) or SIGTERM. Commands get it from main.ts rather than reaching for
// `process`, so what they use is plain to see.

export interface Out {
  write(text: string): void;
}

export interface TerminalSize {
  readonly rows: number;
  readonly columns: number;
}

export interface Io {
  readonly stdout: Out;
  readonly stderr: Out;
  /** The size of the terminal stdout is, or undefined when stdout is not a terminal (a pipe, a file). */
  terminal(): TerminalSize | undefined;
  readonly env: NodeJS.ProcessEnv;
  /** Aborted on the first SIGINT or SIGTERM (the reason is the signal's name): commands then finish cleanly (log out). */
  readonly interrupted: AbortSignal;
}
