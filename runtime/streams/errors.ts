// Errors of the stream building blocks.
import { SmarketsError, type ErrorOptions } from "../errors.js";

/** A queue with the `"error"` overflow policy was full when an item arrived: the consumer fell behind. */
export class QueueOverflowError extends SmarketsError {
  override readonly name = "QueueOverflowError";
  /** The queue's byte bound, when that is what the item would have exceeded. */
  readonly maxBytes: number | undefined;
  constructor(
    /** The queue's capacity, which one more item would have exceeded (or its byte bound: see maxBytes). */
    readonly capacity: number,
    options?: ErrorOptions & { bytes?: { wouldHold: number; maxBytes: number } },
  ) {
    const bytes = options?.bytes;
    super(
      (bytes === undefined
        ? `queue overflow: an item arrived while ${capacity} were already waiting (capacity ${capacity}); `
        : `queue overflow: an item arrived that would make the queue hold ${bytes.wouldHold} bytes, over its maxBytes ${bytes.maxBytes}; `) +
        "the consumer fell behind, the item was dropped and the queue closed",
      options,
    );
    this.maxBytes = bytes?.maxBytes;
  }
}

/** A single-consumer queue was iterated a second time. */
export class QueueConsumedError extends SmarketsError {
  override readonly name = "QueueConsumedError";
  constructor(options?: ErrorOptions) {
    super("this queue already has a consumer (it is single-consumer; use a Broadcaster for several)", options);
  }
}
