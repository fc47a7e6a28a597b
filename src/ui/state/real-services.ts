// The game's services wired to the real layers: content (levels, concept cards), store (progress, slots, files)
// and the engine (simulate: the one scoring path).
import {conceptKey, formatProblem, loadCampaign, loadConcepts, type ContentProblem} from '../../content/index.js';
import {simulate, type Tier} from '../../engine/index.js';
import * as store from '../../store/index.js';
import type {Progress} from '../../store/index.js';
import type {Records, ReviewEvent, Services} from './services.js';

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
  // The store's recordResult and resetLevel are pure over the whole progress, so the latest is kept here.
  let progress: Progress = store.freshProgress();
  let reviewSave: Promise<void> = Promise.resolve();
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
      return {records: recordsOf(progress), notice: loaded.notice, settings: {...progress.settings}, review: store.reviewOf(progress)};
    },
    async recordReview(event) {
      const next = applyReview(progress, event, now());
      if (next !== progress) {
        progress = next;
        // Answers come faster than files are written: one write at a time, each of the latest progress,
        // so an older write can never land after a newer one.
        reviewSave = reviewSave.catch(() => undefined).then(() => store.saveProgress(progress));
        await reviewSave;
      }
      return store.reviewOf(progress);
    },
    now,
    async recordResult(levelId, result) {
      progress = store.recordResult(progress, levelId, result, now());
      await store.saveProgress(progress);
      return recordsOf(progress);
    },
    async saveSettings(settings) {
      progress = {...progress, settings: {...progress.settings, ...settings}};
      await store.saveProgress(progress);
    },
    async resetLevel(levelId) {
      progress = store.resetLevel(progress, levelId);
      await store.saveProgress(progress);
      return recordsOf(progress);
    },
    async resetAll() {
      progress = await store.resetAll();
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
    dataDir: () => store.dataDir(),
  };
}

function solutionOf(levelId: string, tiers: Tier[]) {
  return {formatVersion: 1 as const, level: levelId, tiers};
}
