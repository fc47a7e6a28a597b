// The game's services wired to the real layers: content (levels, concept cards), store (progress, slots, files)
// and the engine (simulate: the one scoring path).
import {openChallenge} from '../../classroom/index.js';
import {conceptKey, formatProblem, loadCampaign, loadConcepts, solutionSchema, type ContentProblem} from '../../content/index.js';
import {ENGINE_VERSION, levelHash, simulate, type Tier} from '../../engine/index.js';
import * as store from '../../store/index.js';
import type {Progress} from '../../store/index.js';
import type {ActiveChallenge, Records, ReviewEvent, Services} from './services.js';

/** How many problems the menu shows when the level files are broken (`rightsize validate` lists them all). */
const SHOWN_PROBLEMS = 3;

function problemsText(problems: readonly ContentProblem[]): string {
  const shown = problems.slice(0, SHOWN_PROBLEMS).map(formatProblem).join('; ');
  return problems.length > SHOWN_PROBLEMS ? `${shown}; and ${problems.length - SHOWN_PROBLEMS} more (run rightsize validate)` : shown;
}

function recordsOf(progress: Progress): Records {
  return Object.fromEntries(
    Object.entries(progress.levels).map(([id, p]) => [id, p.bestMonthlyCostUsd === undefined ? {stars: p.stars, bestPoints: p.bestPoints} : {stars: p.stars, bestPoints: p.bestPoints, bestMonthlyCostUsd: p.bestMonthlyCostUsd}]),
  );
}

/** A kept build's tiers, checked as a solution (a build kept by another version may not fit this one): or none. */
function keptTiers(levelId: string, kept: store.KeptBuild | undefined): Tier[] | undefined {
  if (!kept) return undefined;
  const parsed = solutionSchema().safeParse({formatVersion: 1, level: levelId, tiers: kept.tiers});
  return parsed.success ? parsed.data.tiers : undefined;
}

/** The last build the player ran on each level, for the builder to open on. */
function lastBuildsOf(progress: Progress): Record<string, Tier[]> {
  const builds: Record<string, Tier[]> = {};
  for (const [id, record] of Object.entries(progress.levels)) {
    const tiers = keptTiers(id, record.lastBuild);
    if (tiers) builds[id] = tiers;
  }
  return builds;
}

/** The progress with a review event applied (pure). */
function applyReview(progress: Progress, event: ReviewEvent, now: Date): Progress {
  const review = store.reviewOf(progress);
  const next =
    event.kind === 'answer'
      ? store.recordAnswer(review, {key: event.key, right: event.right, conceptKeys: event.concepts.map(conceptKey)}, now)
      : event.kind === 'lost'
        ? store.recordLost(review, event.concepts.map(conceptKey), now)
        : store.recordRead(review, conceptKey(event.concept), now);
  return next === review ? progress : {...progress, review: next};
}

/** `now` is the clock spaced review reads (tests fix it). */
export function realServices(options: {levelsDir?: string; now?: () => Date} = {}): Services {
  const now = options.now ?? (() => new Date());
  // Each save is a change applied to what is on disk (so another game's saves are kept); the progress it
  // returns is kept here. When the file must not be written (unreadable, newer), changes stay in memory.
  let progress: Progress = store.freshProgress();
  let readOnly = false;
  const change = async (apply: store.ProgressChange): Promise<Progress> => {
    progress = readOnly ? apply(progress) : await store.updateProgress(apply);
    return progress;
  };
  return {
    loadContent() {
      const campaign = options.levelsDir === undefined ? loadCampaign() : loadCampaign(options.levelsDir);
      if (!campaign.ok) return {error: problemsText(campaign.problems)};
      const concepts = loadConcepts();
      if (!concepts.ok) return {error: problemsText(concepts.problems)};
      return {campaign: {chapters: campaign.value.chapters, levels: campaign.value.levels}, concepts: [...concepts.value.values()]};
    },
    async loadProgress() {
      const loaded = await store.loadProgress();
      progress = loaded.progress;
      readOnly = loaded.readOnly !== undefined;
      return {records: recordsOf(progress), notice: loaded.notice, settings: {...progress.settings}, builds: lastBuildsOf(progress), review: store.reviewOf(progress)};
    },
    async recordReview(event) {
      const at = now();
      // Applied to what is on disk, like every save (each write under the lock, so none lands over a newer one).
      if (applyReview(progress, event, at) !== progress) await change((p) => applyReview(p, event, at));
      return store.reviewOf(progress);
    },
    now,
    async recordResult(levelId, result, tiers) {
      const at = now();
      return recordsOf(await change((p) => store.recordResult(p, levelId, result, at, tiers)));
    },
    async saveSettings(settings) {
      await change((p) => store.changeSettings(p, settings));
    },
    async resetLevel(levelId) {
      return recordsOf(await change((p) => store.resetLevel(p, levelId)));
    },
    async resetAll() {
      if (readOnly) progress = {...progress, levels: {}};
      else progress = await store.resetAll();
      return recordsOf(progress);
    },
    async listSlots(levelId) {
      const slots = await store.listSlots(levelId);
      // A slot file is small YAML: reading each one lets the list say what it builds (and flag a hand-broken one).
      return Promise.all(
        slots.map(async (slot) => {
          const loaded = await store.loadSlot(levelId, slot.name);
          if (loaded.ok) return {name: slot.name, savedAt: slot.modifiedAt, tiers: loaded.value.tiers};
          // The row has room for the first problem, not the file's path (loading the slot shows them all in full).
          const first = loaded.problems[0];
          const problem = first ? `line ${first.line}:${first.col}${first.path === '' ? '' : ` ${first.path}`}: ${first.message}` : 'unreadable';
          return {name: slot.name, savedAt: slot.modifiedAt, problem};
        }),
      );
    },
    async loadSlot(levelId, name) {
      const loaded = await store.loadSlot(levelId, name);
      if (!loaded.ok) throw new Error(problemsText(loaded.problems));
      return loaded.value.tiers;
    },
    async saveSlot(levelId, name, tiers) {
      await store.saveSlot(levelId, name, solutionOf(levelId, tiers));
    },
    async deleteSlot(levelId, name) {
      await store.deleteSlot(levelId, name);
    },
    exportSolution(path, levelId, tiers) {
      return store.exportSolution(path, solutionOf(levelId, tiers));
    },
    importSolution(path) {
      const loaded = store.importSolution(path);
      if (!loaded.ok) throw new Error(problemsText(loaded.problems));
      return {levelId: loaded.value.level, tiers: loaded.value.tiers};
    },
    simulate(level, tiers, simulateOptions) {
      return simulate(level, {tiers}, simulateOptions);
    },
    openChallenge(path) {
      const opened = openChallenge(path, {levelsDir: options.levelsDir});
      if (!opened.ok) throw new Error(problemsText(opened.problems));
      return activeChallenge(path, opened.challenge, opened.levels.map((l) => l.level));
    },
    async joinChallenge(url) {
      const {joinEvent} = await import('../../host/client.js');
      const joined = await joinEvent(url);
      if (!joined.ok) throw new Error(joined.message);
      const opened = openChallenge(joined.challengePath, {levelsDir: options.levelsDir});
      if (!opened.ok) throw new Error(problemsText(opened.problems));
      const active = {...activeChallenge(joined.challengePath, opened.challenge, opened.levels.map((l) => l.level)), joinUrl: joined.joinUrl};
      return joined.offline === undefined ? {challenge: active} : {challenge: active, notice: joined.offline};
    },
    async sendChallengeRun(challenge, player, level, tiers, result) {
      const {deliver, deliveryText} = await import('../../host/client.js');
      const joinUrl = challenge.joinUrl ?? '';
      const path = store.joinedSubmissionPath(joinUrl, player);
      await store.recordSubmission(
        path,
        {challenge: challenge.id, player, engineVersion: ENGINE_VERSION},
        [{level: level.id, levelHash: levelHash(level), tiers, claimed: {seed: result.seed, points: result.points, stars: result.stars, fingerprint: result.fingerprint}}],
        challenge.levels.map((l) => l.id),
      );
      const delivery = await deliver(joinUrl, player);
      return {sent: delivery.status === 'sent', text: deliveryText(delivery), path};
    },
    async flushChallenge(challenge) {
      if (challenge.joinUrl === undefined) return undefined;
      const {flushPending, deliveryText} = await import('../../host/client.js');
      const sent = (await flushPending(challenge.joinUrl)).filter((d) => d.delivery.status !== 'queued');
      return sent.length === 0 ? undefined : sent.map((d) => `${d.player}: ${deliveryText(d.delivery)}`).join('; ');
    },
    async submitChallengeRun(challenge, player, level, tiers, result) {
      const out = challenge.out ?? store.defaultSubmissionPath(challenge.file, player);
      const written = await store.recordSubmission(
        out,
        {challenge: challenge.id, player, engineVersion: ENGINE_VERSION},
        [{level: level.id, levelHash: levelHash(level), tiers, claimed: {seed: result.seed, points: result.points, stars: result.stars, fingerprint: result.fingerprint}}],
        challenge.levels.map((l) => l.id),
      );
      return written.path;
    },
    dataDir: () => store.dataDir(),
  };
}

function solutionOf(levelId: string, tiers: Tier[]) {
  return {formatVersion: 1 as const, level: levelId, tiers};
}

/** What the game keeps of an opened challenge (never the private seeds, even from the teacher's copy). */
export function activeChallenge(file: string, challenge: {id: string; title: string; publicSeed: number; closesAt?: string}, levels: ActiveChallenge['levels'], out?: string): ActiveChallenge {
  const active: ActiveChallenge = {file, id: challenge.id, title: challenge.title, publicSeed: challenge.publicSeed, levels};
  if (challenge.closesAt !== undefined) active.closesAt = challenge.closesAt;
  if (out !== undefined) active.out = out;
  return active;
}
