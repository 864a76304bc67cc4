export { decayedScore, growth } from './decay';
export { EventRecorder, type RecorderSettings } from './event-recorder';
export {
  decodeBatch,
  encodeBatch,
  eventKinds,
  EVENTS_GROUP,
  EVENTS_STREAM,
  type EventBatch,
  type EventKind,
  type ShopperEvent,
} from './events';
export { hotKeys, ONLINE_WINDOW_MS, presenceKeys, VIEWING_WINDOW_MS } from './keys';
export { jobs, QUEUE_PREFIX, queues, workerSettings, type QueueName } from './queues';
