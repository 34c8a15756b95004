import { liveMessageSchema } from '@ipvs-dashboard/shared';

// Runs the shared schema over large live frames off the main thread: a 1,000 x 10 sample was ~2.9 MB and
// its zod check alone took ~40 ms a second on the page's main thread (bench:ui). Samples now carry only
// what moved (0.9 MB a second on average in bench:ws), but snapshots and full samples are still
// megabytes. The page still parses the JSON itself once; this worker only answers whether the text is a
// valid LiveMessage.
export interface FrameCheckRequest {
  id: number;
  text: string;
}
export interface FrameCheckAnswer {
  id: number;
  valid: boolean;
}

self.onmessage = (event: MessageEvent<FrameCheckRequest>) => {
  const { id, text } = event.data;
  let valid = true;
  try {
    liveMessageSchema.parse(JSON.parse(text));
  } catch {
    valid = false;
  }
  const answer: FrameCheckAnswer = { id, valid };
  self.postMessage(answer);
};
