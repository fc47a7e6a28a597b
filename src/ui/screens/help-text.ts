// What each screen's keys do, for the `?` overlay. Each entry is a paragraph: the overlay wraps it to the width.
import type {ScreenName} from '../state/screens.js';

export const GENERAL_HELP: readonly string[] = [
  '↑↓ or j/k   move or scroll          enter    choose',
  'tab         next panel              ?        this help',
  'q or esc    back (quit on the menu) ctrl+c   quit at once',
];

export const SCREEN_HELP: Record<ScreenName, readonly string[]> = {
  title: ['Enter opens the menu.'],
  menu: ['Campaign plays the levels in order; a level opens when the one before has a star.', 'Free play lets you change the seed and switch incidents off on any open level.', 'Practice quiz: exam questions and spaced review (with the count due today).',
    'Readiness: how ready you are per exam domain.'],
  campaign: [
    'Stars: ★ every objective passes, ★★ 700+ points, ★★★ every objective at gold.',
    'Locked levels say which level to beat first. Each chapter shows its stars of the total.',
    'Once every level has a star, f shows your campaign summary.',
  ],
  finished: ['Your stars, what your builds saved against each level\'s start, and the concepts you have shown.', '↑↓/jk scrolls; q goes back.'],
  briefing: ['Read the story and the objectives; enter opens the builder with your last build.', 'l loads a saved build (a named slot).'],
  slots: ['Enter loads the slot into the builder; d deletes it (asks first).'],
  builder: [
    'One tier per workload (tab: next tier). ↑↓ picks a field, ←→ or -/+ changes it, space opens a list.',
    'In AZs and inbound rules, ←→ or space steps into the options, space toggles one, esc/q steps back out.',
    'The estimate and findings follow your edits; f shows each finding in full.',
    'h reveals the next hint; s saves the build under a name you type; enter runs the week.',
    'Fields marked "locked" are fixed by this level (free play unlocks them).',
  ],
  run: ['The week plays back: demand against capacity, incidents as they happen, cost so far.', 'enter or s skips to the results.'],
  results: [
    'Score: each objective with its value, the pass and gold lines, and the finding that cost it.',
    'Cost: every cost line in AWS units, and the failures by reason. Findings: enter opens the concept.',
    'r retries with your build kept, n goes to the next level, s saves the build to a named slot,',
    'z quizzes you on this level; l lists the objectives lost, each with its concept card',
    'and a short quiz. Debrief: the lesson, once the level is passed.',
  ],
  concept: ['A concept card: what AWS does, the facts and their sources, the exam domains,', 'the levels that teach it, and z: a short quiz on it.'],
  codex: [
    'Every concept card the game teaches. ✓ shown: you won a level that teaches it, or',
    'answered its questions right; ! due for review; L: how many levels teach it.',
    '/ searches the titles and text (x clears), enter reads the card.',
  ],
  quiz: [
    'Choose an answer with ↑↓ and enter, or its number; the choices change order every time.',
    'After an answer: the explanation and the concept card (j/k scroll, c opens the card);',
    'enter: the next question. A miss comes back for review in minutes, a right answer in days.',
    'At the end, m asks the missed questions again and r starts over.',
  ],
  practice: ['Pick what to be asked: everything open, what is due for review today,', 'one exam, one exam domain or one concept.'],
  readiness: [
    'Per exam and domain, with the published exam guides’ weights: the questions you have',
    'answered (covered) and those your latest answer got right (ready). An exam weighs its',
    'domains by their share of the exam; a domain without questions yet counts 0.',
  ],
  lessons: ['Each objective the run lost points on, with the concept that explains it:', 'enter reads the card, z asks a short quiz on it.'],
  sandbox: [
    'The empty sandbox: ←→ picks its workload shape, budget and incidents; enter builds it.',
    'Or enter builds on an open level with every compute kind and feature unlocked; its objectives still score it.',
    's sets the seed, i switches the incidents on or off. Free-play runs do not change your campaign stars.',
  ],
  challenge: [
    'Your teacher’s challenge: its levels, on its public seed. Each run is written',
    'to your submission file; playing a level again replaces that level’s build.',
    'The leaderboard re-scores every build on private seeds you have not seen.',
    'n changes your name, o opens another challenge file.',
  ],
  settings: ['Export writes a level’s current build to a file; import reads one into a slot.', 'Reset asks before it forgets anything.'],
};
