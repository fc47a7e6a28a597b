// The Class challenge: open the teacher's challenge file, say who is playing, then play its levels on the public
// seed. Every run goes into the player's submission file (the leaderboard re-scores it on the private seeds).
import {useMemo, useState} from 'react';
import {Box, Text} from 'ink';
import {useKeys} from '../input/key-router.js';
import {useGame} from '../hooks/use-game.js';
import {useBodyRows} from '../hooks/use-body-rows.js';
import {useCursor} from '../hooks/use-cursor.js';
import {Frame, BACK_HINTS} from '../components/Frame.js';
import {List, type ListItem} from '../components/List.js';
import {TextInput, TYPING_HINTS} from '../components/TextInput.js';
import {starText} from '../state/selectors.js';
import {messageOf} from '../state/services.js';

type Editing = 'file' | 'player' | undefined;

function defaultPlayer(): string {
  return process.env['USER'] ?? process.env['USERNAME'] ?? '';
}

export function ChallengeScreen({join = false}: {join?: boolean}) {
  const {state, dispatch, services} = useGame();
  const rows = useBodyRows();
  const cursor = useCursor();
  const challenge = state.challenge;
  const [choice, setChoice] = useState<Editing>(undefined);
  const editing: Editing = choice ?? (challenge === undefined ? 'file' : challenge.player === undefined ? 'player' : undefined);
  const [opening, setOpening] = useState(false);

  const items: ListItem[] = useMemo(
    () =>
      (challenge?.levels ?? []).map((level, i) => {
        const done = challenge?.submitted[level.id];
        const status = done ? `${challenge?.joinUrl !== undefined ? 'sent' : 'submitted'}: ${done.points} pts ${starText(done.stars)}` : challenge?.joinUrl !== undefined ? 'not sent yet' : 'not submitted yet';
        return {id: level.id, label: `${String(i + 1).padStart(2)}. ${level.title} — ${status}`};
      }),
    [challenge],
  );

  useKeys((input) => {
    if (input === 'n' && challenge) setChoice('player');
    else if (input === 'o') setChoice('file');
    else return false;
    return true;
  }, editing === undefined);

  const open = (path: string) => {
    setChoice(undefined);
    if (path === '') {
      if (!challenge) dispatch({type: 'back'});
      return;
    }
    setOpening(true);
    // A join URL (http://HOST:PORT/CODE) opens the live event; anything else is a challenge file.
    const live = /^https?:\/\//i.test(path);
    Promise.resolve()
      .then(async () => {
        if (!live) return services.openChallenge ? {challenge: await services.openChallenge(path)} : undefined;
        return services.joinChallenge?.(path);
      })
      .then(
        (opened) => {
          setOpening(false);
          if (!opened) return;
          dispatch({type: 'challenge-loaded', challenge: opened.challenge});
          if (opened.notice !== undefined) dispatch({type: 'message', text: opened.notice});
        },
        (error: unknown) => {
          setOpening(false);
          dispatch({type: 'alert', text: live ? `That event cannot be joined: ${messageOf(error)}` : `That challenge file cannot be played: ${messageOf(error)}`});
        },
      );
  };

  const hints = editing !== undefined ? TYPING_HINTS : [['enter', 'play level'] as const, ['n', 'change name'] as const, ['o', 'open another file'] as const, ...BACK_HINTS];
  return (
    <Frame title={challenge ? `Class challenge — ${challenge.title}` : 'Class challenge'} hints={hints} message={state.message}>
      {challenge === undefined ? (
        <Box flexDirection="column">
          {join ? (
            <>
              <Text>Join your teacher's live event: type the join URL on the projector (e.g. http://192.168.1.20:7070/abcd234xyz).</Text>
              <Text>After a run, u sends it to the host; the host re-scores it on private seeds.</Text>
            </>
          ) : (
            <>
              <Text>Play a challenge from your teacher: type the path of its file (e.g. week-1.yaml), or a join URL.</Text>
              <Text>Your runs are saved in a submission file; the leaderboard re-scores them on private seeds.</Text>
            </>
          )}
          {opening ? <Text>Opening…</Text> : null}
        </Box>
      ) : (
        <Box flexDirection="column">
          <Text>
            Player: <Text bold>{challenge.player ?? '(who are you?)'}</Text>
            {'   '}Public seed: <Text bold>{String(challenge.publicSeed)}</Text>
            {challenge.closesAt ? `   Closes: ${challenge.closesAt}` : ''}
          </Text>
          {challenge.joinUrl !== undefined ? (
            <Text wrap="truncate-end">Live event: {challenge.joinUrl} — u on a run's results sends it</Text>
          ) : (
            <Text wrap="truncate-end">Submission: {challenge.submissionPath ?? (challenge.out ?? 'submissions/<player>.json beside the challenge file')}</Text>
          )}
          <Box marginTop={1} flexDirection="column">
            <List
              items={items}
              rows={Math.max(3, Math.min(items.length, rows - 4))}
              active={editing === undefined}
              {...cursor}
              onChoose={(item) => dispatch({type: 'push', screen: {name: 'briefing', levelId: item.id, mode: 'challenge'}})}
            />
          </Box>
        </Box>
      )}
      {editing === 'file' ? <TextInput label={join ? 'Join URL' : 'Challenge file'} initial={join ? (challenge?.joinUrl ?? '') : (challenge?.file ?? '')} onCancel={() => (challenge ? setChoice(undefined) : dispatch({type: 'back'}))} onSubmit={open} /> : null}
      {editing === 'player' ? (
        <TextInput
          label="Your name on the leaderboard"
          initial={challenge?.player ?? defaultPlayer()}
          onCancel={() => (challenge?.player ? setChoice(undefined) : dispatch({type: 'back'}))}
          onSubmit={(name) => {
            setChoice(undefined);
            if (name === '') return;
            if ([...name].length > 60) dispatch({type: 'message', text: 'A name of at most 60 characters, please.'});
            else dispatch({type: 'challenge-player', player: name});
          }}
        />
      ) : null}
    </Frame>
  );
}
