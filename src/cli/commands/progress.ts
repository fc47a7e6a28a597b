// rightsize progress [--json]: readiness per exam and domain (the published domain weights), and the reviews due.
// The shape of --json is documented in README.md ("Progress and readiness"); exit 0, or 2 when the levels cannot be read.
import {EXAM_GUIDES, levelsDir, loadCampaign, quizBank, readiness, readinessLines, type ExamReadiness} from '../../content/index.js';
import {dueKeys, endOfDay, loadProgress, nextDue, reviewOf} from '../../store/index.js';
import {EXIT, type ExitCode} from '../exit-codes.js';
import {reportProblems, type Io} from '../io.js';

export interface ProgressOptions {
  json?: boolean;
  levels?: string;
  /** The clock (tests fix it). */
  now?: Date;
}

/** `rightsize progress --json`. */
export interface ProgressReport {
  formatVersion: 1;
  /** When the report was made (ISO 8601): due counts are as of then. */
  at: string;
  levels: {total: number; passed: number};
  exams: ExamReadiness[];
  review: {
    /** Questions and concepts with a review schedule. */
    cards: number;
    dueNow: number;
    /** Due before the next local midnight (the menu's "due today"). */
    dueToday: number;
    nextDue: string | null;
  };
}

export async function progressCommand(io: Io, options: ProgressOptions): Promise<ExitCode> {
  const campaign = loadCampaign(levelsDir(options.levels));
  if (!campaign.ok) {
    reportProblems(io, campaign.problems);
    return EXIT.badInput;
  }
  const {progress, notice} = await loadProgress();
  if (notice) io.err(notice);
  const now = options.now ?? new Date();
  const review = reviewOf(progress);
  const bank = quizBank(campaign.value.levels);
  const known = new Set(bank.map((item) => item.key));
  // Questions no longer in the campaign (edited or removed) are not counted as due.
  const live = (key: string) => key.startsWith('c:') || known.has(key);
  const report: ProgressReport = {
    formatVersion: 1,
    at: now.toISOString(),
    levels: {total: campaign.value.levels.length, passed: campaign.value.levels.filter((l) => (progress.levels[l.id]?.stars ?? 0) > 0).length},
    exams: readiness(bank, review.cards),
    review: {
      cards: Object.keys(review.cards).filter(live).length,
      dueNow: dueKeys(review, now).filter(live).length,
      dueToday: dueKeys(review, endOfDay(now)).filter(live).length,
      nextDue: nextDue({...review, cards: Object.fromEntries(Object.entries(review.cards).filter(([key]) => live(key)))}) ?? null,
    },
  };
  if (options.json) {
    io.out(JSON.stringify(report, null, 2));
    return EXIT.ok;
  }
  const lines = readinessLines(report.exams).map((line) => (/^[A-Z]{3}-C\d\d /.test(line) ? io.paint('bold', line) : line));
  lines.push(
    '',
    `Levels passed: ${report.levels.passed} of ${report.levels.total}.`,
    `Reviews: ${report.review.dueToday} due today (${report.review.dueNow} now) of ${report.review.cards} scheduled${report.review.nextDue === null ? '' : `; next due ${report.review.nextDue}`}.`,
    io.paint('dim', `Weights: ${EXAM_GUIDES.map((g) => `${g.exam} exam guide, ${g.source} (checked ${g.checked})`).join('; ')}.`),
    io.paint('dim', 'asked: questions in the domain; answered: at least once; right: latest answer right; ready: right ÷ asked.'),
  );
  io.out(lines.join('\n'));
  return EXIT.ok;
}
