// The replay clock: a setInterval steps through `frames` playback frames, holds the last one a moment, then
// calls onEnd once. skip() jumps to the end and calls onEnd at once. The interval is cleared on unmount.
import {useCallback, useEffect, useRef, useState} from 'react';
import {bucketAtFrame} from './playback.js';

export interface PlaybackOptions {
  /** How long the whole replay takes. */
  durationMs: number;
  tickMs: number;
  /** How long the finished chart stays before onEnd. */
  holdMs: number;
}

export const DEFAULT_PLAYBACK: PlaybackOptions = {durationMs: 5000, tickMs: 100, holdMs: 1500};

export interface Playback {
  /** Buckets played so far. */
  bucket: number;
  done: boolean;
  skip(): void;
}

export function usePlayback(buckets: number, onEnd: () => void, options: PlaybackOptions = DEFAULT_PLAYBACK): Playback {
  const frames = Math.max(1, Math.round(options.durationMs / options.tickMs));
  const holdFrames = Math.max(0, Math.round(options.holdMs / options.tickMs));
  const [frame, setFrame] = useState(0);
  const ended = useRef(false);
  const onEndRef = useRef(onEnd);
  onEndRef.current = onEnd;

  const end = useCallback(() => {
    if (ended.current) return;
    ended.current = true;
    onEndRef.current();
  }, []);

  useEffect(() => {
    const timer = setInterval(() => {
      setFrame((f) => (f >= frames + holdFrames ? f : f + 1));
    }, options.tickMs);
    return () => clearInterval(timer);
  }, [frames, holdFrames, options.tickMs]);

  useEffect(() => {
    if (frame >= frames + holdFrames) end();
  }, [frame, frames, holdFrames, end]);

  const skip = useCallback(() => {
    setFrame(frames + holdFrames);
    end();
  }, [frames, holdFrames, end]);

  const bucket = bucketAtFrame(Math.min(frame, frames), frames, buckets);
  return {bucket, done: frame >= frames, skip};
}
