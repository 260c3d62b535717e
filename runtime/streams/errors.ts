// Errors of the stream building blocks.
import { SmarketsError, type ErrorOptions } from "../errors.js";

/** A queue with the `"error"` overflow policy was full when an item arrived: the consumer fell behind. */
export class QueueOverflowError extends SmarketsError {
  override readonly name = "QueueOverflowError";
  constructor(
    /** The queue's capacity, which one more item would have exceeded. */
    readonly capacity: number,
    options?: ErrorOptions,
  ) {
    super(
      `queue overflow: an item arrived while ${capacity} were already waiting (capacity ${capacity}); ` +
        "the consumer fell behind, the item was dropped and the queue closed",
      options,
    );
  }
}

/** A single-consumer queue was iterated a second time. */
export class QueueConsumedError extends SmarketsError {
  override readonly name = "QueueConsumedError";
  constructor(options?: ErrorOptions) {
    super("this queue already has a consumer (it is single-consumer; use a Broadcaster for several)", options);
  }
}
