// Stream building blocks: a bounded single-consumer queue, a broadcaster with
// a queue per subscriber, and deadlines for awaited operations.
export { BoundedQueue, type BoundedQueueOptions, type IterateOptions } from "./bounded-queue.js";
export { Broadcaster, type BroadcasterOptions, type SubscribeOptions, type WeighingBroadcasterOptions } from "./broadcaster.js";
export { withDeadline, type DeadlineOptions } from "./abortable.js";
export { QueueConsumedError, QueueOverflowError } from "./errors.js";
export { overflowPolicies, type OverflowPolicy } from "./overflow-policy.js";
