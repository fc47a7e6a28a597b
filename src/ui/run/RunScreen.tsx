// The run: the simulated week plays back in a few seconds — a demand-vs-capacity chart per web/events workload,
// the clock, incidents as they happen, failures and cost ticking. Enter or s skips to the end; at the end the
// screen calls onDone. Only playback of result.timeline: the engine computed everything.
import type {Level, Result} from '../../engine/index.js';
import {Frame} from '../components/Frame.js';
import {useKeys} from '../input/key-router.js';
import {RunBody} from './RunBody.js';
import {usePlayback, type PlaybackOptions} from './use-playback.js';

export interface RunScreenProps {
  level: Level;
  result: Result;
  onDone(): void;
  /** Replay speed (tests and the settings may change it); default ~5 s for the horizon. */
  playback?: PlaybackOptions;
}

export function RunScreen({level, result, onDone, playback: options}: RunScreenProps) {
  const timeline = result.timeline;
  const playback = usePlayback(timeline.buckets, onDone, options);
  useKeys((input, key) => {
    if (key.return || input === 's' || input === ' ') {
      playback.skip();
      return true;
    }
    return false;
  });
  const progress = timeline.buckets === 0 ? 1 : playback.bucket / timeline.buckets;

  return (
    <Frame
      title={`${level.title} — run`}
      right={`${Math.round(progress * 100)}%`}
      hints={[
        ['enter/s', playback.done ? 'results' : 'skip to the end'],
        ['?', 'help'],
      ]}
      message={playback.done ? 'The run is over: the results are next.' : undefined}
    >
      <RunBody timeline={timeline} bucket={playback.bucket} done={playback.done} />
    </Frame>
  );
}
