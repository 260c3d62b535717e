// Shows a block of lines that keeps changing. On a terminal it redraws in
// place: the cursor goes back up over the previous block, which is cleared
// (ANSI CPL and ED), so the scrollback is not flooded. Elsewhere (a pipe, a
// file, a test) each block is printed in turn, followed by a blank line.
import type { Io, Out } from "./io.js";

const HIDE_CURSOR = "\x1b[?25l";
const SHOW_CURSOR = "\x1b[?25h";
const CLEAR_TO_END = "\x1b[J";
const up = (lines: number): string => `\x1b[${lines}F`;

export class LiveScreen {
  readonly #out: Out;
  readonly #terminal: Io["terminal"];
  /** Lines of the block on screen (terminal mode). */
  #shown = 0;

  constructor(out: Out, terminal: Io["terminal"]) {
    this.#out = out;
    this.#terminal = terminal;
  }

  show(lines: readonly string[]): void {
    const size = this.#terminal();
    if (size === undefined) {
      this.#out.write(`${lines.join("\n")}\n\n`);
      return;
    }
    const fitted = fit(lines, size.rows, size.columns);
    const back = this.#shown === 0 ? HIDE_CURSOR : `${up(this.#shown)}${CLEAR_TO_END}`;
    this.#out.write(`${back}${fitted.join("\n")}\n`);
    this.#shown = fitted.length;
  }

  /** Gives the cursor back (terminal mode). */
  end(): void {
    if (this.#shown > 0) this.#out.write(SHOW_CURSOR);
    this.#shown = 0;
  }
}

/**
 * Lines cut to the terminal's width and height: a wrapped or scrolled line
 * would throw off the count the next redraw moves up by.
 */
function fit(lines: readonly string[], rows: number, columns: number): string[] {
  const width = Math.max(columns - 1, 1);
  const cut = lines.map((l) => (l.length > width ? l.slice(0, width) : l));
  const height = Math.max(rows - 1, 1);
  if (cut.length <= height) return cut;
  return [...cut.slice(0, height - 1), `… ${cut.length - height + 1} more line(s): enlarge the terminal`.slice(0, width)];
}
