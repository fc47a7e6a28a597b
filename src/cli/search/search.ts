// The level author's search (#14): walk the builds a level allows for 3-star builds that skip its lesson.
// Local search (batched hill climbing) from the start, the reference and each counterexample, then seeded random
// restarts, until the budget of scored builds is spent. A build is scored once (cached by its canonical JSON);
// builds `checkSolution` refuses cost nothing. Deterministic for the same level and budget: batches have a fixed
// size and are read in order, so how many workers score them never changes the walk.
import {canonicalJson, checkSolution, createRng, nextInt, shuffled, type FindingId, type Level, type Rng, type Tier} from '../../engine/index.js';
import {allGenomes, buildSpace, canonicalBuild, cloneGenome, decode, encode, spaceSize, type Genome, type Space} from './space.js';

/** What the search keeps of one scored build. */
export interface Scored {
  stars: number;
  points: number;
  monthlyCostUsd: number;
  findings: FindingId[];
}

/** Scores builds of one level on a seed; results in the order asked. */
export type Scorer = (builds: Tier[][], seed: number) => Promise<Scored[]>;

export interface SearchOptions {
  /** Builds to score (distinct, runnable), at most. */
  budget: number;
  /** Seeds each flagged or cheapest build is re-checked on (the level's own is always first). */
  recheckSeeds?: number;
  /** Share of the reference's cost below which a 3-star build is "too cheap" (0.05: more than 5 % cheaper). */
  cheaperThan?: number;
}

/** A counterexample's lesson: its finding, and the fields where it differs from the reference. */
export interface Lesson {
  index: number;
  why: string;
  finding: FindingId;
  /** The reference raises this finding too: a 3-star build raising it proves nothing. */
  findingInReference: boolean;
  /** Per field that differs from the reference: workload, field, the counterexample's value. */
  fields: {workload: string; field: string; value: unknown}[];
}

export type DodgeKind = 'finding' | 'shape' | 'cheaper';

export interface Dodge {
  kind: DodgeKind;
  /** The counterexample dodged (absent for "cheaper"). */
  lesson?: Lesson;
  tiers: Tier[];
  scored: Scored;
  /** Stars on each re-check seed (the level's first). */
  seedStars: {seed: number; stars: number}[];
}

export interface SearchReport {
  level: string;
  /** Genomes in the level's space (an upper bound on its builds: several genomes can be one build). */
  spaceSize: number;
  /** Distinct builds the level allows (runnable, after `checkSolution`), when the space is small enough to count. */
  spaceBuilds?: number;
  /** Every build the level allows was scored: the search is a proof, not a sample. */
  exhaustive: boolean;
  scored: number;
  /** Extra builds scored to check that a build sharing a counterexample's changed fields also shares its failure. */
  shapeChecks: number;
  refused: number;
  threeStar: number;
  reference: Scored;
  cheapest?: {tiers: Tier[]; scored: Scored; seedStars: {seed: number; stars: number}[]};
  /** Every flagged build, grouped: at most `perGroup` per lesson and kind, cheapest first. */
  dodges: Dodge[];
  /** How many 3-star builds fell into each group before the cut. */
  counts: {kind: DodgeKind; lesson?: number; count: number}[];
  lessons: Lesson[];
}

const BATCH = 8;
const PER_GROUP = 3;
/** Spaces up to this many genomes are counted exactly, and searched exhaustively when the budget covers them. */
const ENUMERATE_LIMIT = 20_000;

const key = (tiers: readonly Tier[]): string => canonicalJson(canonicalBuild(tiers));
const shown = (value: unknown): string => (value === undefined ? 'unset' : canonicalJson(value));

/** Better for the climb: more stars, then more points, then cheaper. */
function better(a: Scored, b: Scored): boolean {
  if (a.stars !== b.stars) return a.stars > b.stars;
  if (a.points !== b.points) return a.points > b.points;
  return a.monthlyCostUsd < b.monthlyCostUsd - 1e-9;
}

function fieldsOf(tier: Tier | undefined): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!tier) return out;
  const [plain] = canonicalBuild([tier]);
  for (const [field, value] of Object.entries(plain as Tier)) if (field !== 'workload' && value !== undefined) out.set(field, value);
  return out;
}

/** The fields where two builds differ, per workload: [workload, field, a's value, b's value]. */
export function diffTiers(a: readonly Tier[], b: readonly Tier[]): {workload: string; field: string; from: unknown; to: unknown}[] {
  const out: {workload: string; field: string; from: unknown; to: unknown}[] = [];
  const workloads = [...new Set([...a, ...b].map((t) => t.workload))];
  for (const workload of workloads) {
    const from = fieldsOf(a.find((t) => t.workload === workload));
    const to = fieldsOf(b.find((t) => t.workload === workload));
    for (const field of [...new Set([...from.keys(), ...to.keys()])]) {
      if (shown(from.get(field)) !== shown(to.get(field))) out.push({workload, field, from: from.get(field), to: to.get(field)});
    }
  }
  return out;
}

export function lessonsOf(level: Level, reference: Scored): Lesson[] {
  return level.counterexamples.map((c, index) => ({
    index,
    why: c.why,
    finding: c.finding,
    findingInReference: reference.findings.includes(c.finding),
    fields: diffTiers(level.reference.tiers, c.tiers).map((d) => ({workload: d.workload, field: d.field, value: d.to})),
  }));
}

/** Does the build share the counterexample's value in every field where it differs from the reference? */
export function sharesShape(tiers: readonly Tier[], lesson: Lesson): boolean {
  if (lesson.fields.length === 0) return false;
  return lesson.fields.every((f) => shown(fieldsOf(tiers.find((t) => t.workload === f.workload)).get(f.field)) === shown(f.value));
}

interface Pin {
  /** Per workload index: the forced choice, and the fields forced to a value. */
  choice: Map<number, number>;
  fields: {workload: string; field: string; value: unknown}[];
}

function pinFor(space: Space, lesson: Lesson, counterexample: Genome): Pin {
  const choice = new Map<number, number>();
  for (const f of lesson.fields) {
    const w = space.findIndex((ws) => ws.workload === f.workload);
    if (w >= 0) choice.set(w, counterexample.choice[w] ?? 0);
  }
  return {choice, fields: lesson.fields};
}

function applyPin(tiers: Tier[], pin: Pin | null): Tier[] {
  if (!pin) return tiers;
  for (const f of pin.fields) {
    const tier = tiers.find((t) => t.workload === f.workload) as Record<string, unknown> | undefined;
    if (!tier) continue;
    if (f.value === undefined) delete tier[f.field];
    else tier[f.field] = structuredClone(f.value);
  }
  return tiers;
}

class Walk {
  readonly cache = new Map<string, Scored | null>();
  readonly order: {tiers: Tier[]; scored: Scored}[] = [];
  scoredCount = 0;
  refused = 0;
  shapeChecks = 0;

  constructor(
    readonly level: Level,
    readonly space: Space,
    readonly scorer: Scorer,
    readonly budget: number,
  ) {}

  get spent(): boolean {
    return this.scoredCount >= this.budget;
  }

  /** Scores the genomes not seen yet (in batch order, within the budget); returns each one's score or null. */
  async score(genomes: Genome[], pin: Pin | null): Promise<(Scored | null)[]> {
    const builds = genomes.map((g) => applyPin(decode(this.space, g), pin));
    const keys = builds.map(key);
    const fresh: number[] = [];
    const queued = new Set<string>();
    builds.forEach((tiers, i) => {
      const k = keys[i] as string;
      if (this.cache.has(k) || queued.has(k)) return;
      if (checkSolution(this.level, {formatVersion: 1, level: this.level.id, tiers}).length > 0) {
        this.cache.set(k, null);
        this.refused++;
        return;
      }
      if (this.scoredCount + fresh.length >= this.budget) return;
      queued.add(k);
      fresh.push(i);
    });
    if (fresh.length > 0) {
      const results = await this.scorer(fresh.map((i) => builds[i] as Tier[]), this.level.seed);
      fresh.forEach((i, j) => {
        const scored = results[j] as Scored;
        this.cache.set(keys[i] as string, scored);
        this.order.push({tiers: builds[i] as Tier[], scored});
      });
      this.scoredCount += fresh.length;
    }
    return keys.map((k) => this.cache.get(k) ?? null);
  }

  neighbours(genome: Genome, pin: Pin | null, rng: Rng): Genome[] {
    const out: Genome[] = [];
    this.space.forEach((ws, w) => {
      const forced = pin?.choice.get(w);
      if (forced === undefined) {
        ws.choices.forEach((_, c) => {
          if (c === genome.choice[w]) return;
          const next = cloneGenome(genome);
          next.choice[w] = c;
          out.push(next);
        });
      }
      const c = genome.choice[w] ?? 0;
      ws.choices[c]?.dimensions.forEach((dim, d) => {
        const pinned = pin?.fields.some((f) => f.workload === ws.workload && f.field === dim.path[0]) ?? false;
        if (pinned) return;
        dim.values.forEach((_, v) => {
          if (v === genome.values[w]?.[c]?.[d]) return;
          const next = cloneGenome(genome);
          (next.values[w]?.[c] as number[])[d] = v;
          out.push(next);
        });
      });
    });
    return shuffled(rng, out);
  }

  /** Batched first-improvement hill climbing from `from`, until no neighbour is better or `limit` is scored. */
  async climb(from: Genome, pin: Pin | null, rng: Rng, limit: number): Promise<void> {
    const stopAt = Math.min(this.budget, this.scoredCount + limit);
    let current = from;
    let [currentScore] = await this.score([current], pin);
    if (!currentScore) return;
    for (;;) {
      const around = this.neighbours(current, pin, rng);
      let moved = false;
      for (let i = 0; i < around.length && this.scoredCount < stopAt; i += BATCH) {
        const batch = around.slice(i, i + BATCH);
        const scores = await this.score(batch, pin);
        let best = -1;
        scores.forEach((s, j) => {
          if (s && better(s, best < 0 ? (currentScore as Scored) : (scores[best] as Scored))) best = j;
        });
        if (best >= 0) {
          current = batch[best] as Genome;
          currentScore = scores[best] as Scored;
          moved = true;
          break;
        }
      }
      if (!moved || this.scoredCount >= stopAt) return;
    }
  }

  randomGenome(rng: Rng, base: Genome, pin: Pin | null): Genome {
    const genome = cloneGenome(base);
    this.space.forEach((ws, w) => {
      if (pin?.choice.get(w) === undefined) genome.choice[w] = nextInt(rng, ws.choices.length);
      ws.choices.forEach((choice, c) => {
        choice.dimensions.forEach((dim, d) => {
          (genome.values[w]?.[c] as number[])[d] = nextInt(rng, dim.values.length);
        });
      });
    });
    return genome;
  }
}

/** Runs the search and classifies every 3-star build it scored. */
export async function searchLevel(level: Level, scorer: Scorer, options: SearchOptions): Promise<SearchReport> {
  const space = buildSpace(level);
  const budget = Math.max(1, Math.floor(options.budget));
  const walk = new Walk(level, space, scorer, budget - 1);
  const rng = createRng((level.seed ^ 0x5ea7c4) + budget);

  const [referenceScore] = await scorer([level.reference.tiers], level.seed);
  const reference = referenceScore as Scored;
  walk.cache.set(key(level.reference.tiers), reference);
  // The reference is a scored build like any other: it is a 3-star build of the space (the cheapest, if nothing beats it).
  walk.order.push({tiers: structuredClone(level.reference.tiers), scored: reference});
  const lessons = lessonsOf(level, reference);

  const every = allGenomes(space, ENUMERATE_LIMIT);
  const runnable = every ? distinctRunnable(level, space, every) : undefined;
  if (every && runnable !== undefined && runnable <= budget) {
    // A small space: score every build it holds, in a fixed order, instead of sampling it.
    for (let i = 0; i < every.length; i += BATCH * 8) await walk.score(every.slice(i, i + BATCH * 8), null);
    return classify(level, walk, reference, lessons, scorer, options, {spaceSize: spaceSize(space), spaceBuilds: runnable, exhaustive: true});
  }

  const starts: {genome: Genome; pin: Pin | null}[] = [
    {genome: encode(space, level.start.tiers), pin: null},
    {genome: encode(space, level.reference.tiers), pin: null},
    ...level.counterexamples.map((c, i) => {
      const genome = encode(space, c.tiers);
      return {genome, pin: pinFor(space, lessons[i] as Lesson, genome)};
    }),
  ];
  // The directed climbs share about half the budget; the restarts take the rest.
  const perClimb = Math.max(BATCH, Math.floor(budget / 2 / starts.length));
  for (const s of starts) {
    if (walk.spent) break;
    await walk.climb(s.genome, s.pin, rng, perClimb);
  }
  const restartPins: (Pin | null)[] = [null, ...starts.slice(2).map((s) => s.pin)];
  for (let restart = 0; !walk.spent && restart < budget; restart++) {
    const pin = restartPins[restart % restartPins.length] ?? null;
    const base = pin ? (starts[2 + ((restart % restartPins.length) - 1)] as {genome: Genome}).genome : starts[0]!.genome;
    const before = walk.scoredCount;
    await walk.climb(walk.randomGenome(rng, base, pin), pin, rng, perClimb);
    if (walk.scoredCount === before && restart > restartPins.length * 50) break; // the space is exhausted
  }
  return classify(level, walk, reference, lessons, scorer, options, {spaceSize: spaceSize(space), spaceBuilds: runnable, exhaustive: false});
}

/** How many different builds the genomes stand for that the level's rules accept (the reference counts if it is one). */
function distinctRunnable(level: Level, space: Space, genomes: readonly Genome[]): number {
  const keys = new Set<string>();
  for (const genome of genomes) {
    const tiers = decode(space, genome);
    const k = key(tiers);
    if (keys.has(k)) continue;
    if (checkSolution(level, {formatVersion: 1, level: level.id, tiers}).length === 0) keys.add(k);
  }
  return keys.size;
}

/** The counterexample with one field of `tiers` put in place of its own (undefined fields removed). */
function hybrid(counter: readonly Tier[], workload: string, field: string, value: unknown): Tier[] {
  const out = structuredClone(counter) as Tier[];
  const tier = out.find((t) => t.workload === workload) as Record<string, unknown> | undefined;
  if (!tier) return out;
  if (value === undefined) delete tier[field];
  else tier[field] = structuredClone(value);
  // A scaling policy and a fixed count cannot both be what a build means: the build's choice wins.
  if (field === 'scaling' && value !== undefined) delete tier[tier.compute === 'ec2' ? 'count' : 'tasks'];
  return out;
}

/**
 * Does a build that shares the fields where a counterexample differs from the reference also share what makes the
 * counterexample fail? The counterexample is taken one field at a time toward the build: if any one of the build's
 * other values alone makes it pass (or lose its finding), that value is part of the lesson's cause the build does
 * not share — seven 1-vCPU Spot tasks miss the deadline, eight do not, so a winner with eight is no dodge of the
 * seven. Only when none does is the build the counterexample's mistake, winning.
 */
export async function sharesFailure(level: Level, lesson: Lesson, tiers: readonly Tier[], score: (builds: Tier[][]) => Promise<Scored[]>): Promise<boolean> {
  const counter = level.counterexamples[lesson.index]?.tiers ?? [];
  const hybrids = diffTiers(counter, tiers)
    .map((d) => hybrid(counter, d.workload, d.field, d.to))
    .filter((h) => checkSolution(level, {formatVersion: 1, level: level.id, tiers: h}).length === 0);
  if (hybrids.length === 0) return true;
  const results = await score(hybrids);
  return results.every((scored) => scored.stars === 0 && scored.findings.includes(lesson.finding));
}

/** The walk's cache in front of the scorer, for builds scored outside the budget (the shape checks). */
function cachedScore(walk: Walk, scorer: Scorer, seed: number): (builds: Tier[][]) => Promise<Scored[]> {
  return async (builds) => {
    const fresh = builds.filter((b, i) => !walk.cache.get(key(b)) && builds.findIndex((o) => key(o) === key(b)) === i);
    if (fresh.length > 0) {
      const results = await scorer(fresh, seed);
      fresh.forEach((b, i) => walk.cache.set(key(b), results[i] as Scored));
      walk.shapeChecks += fresh.length;
    }
    return builds.map((b) => walk.cache.get(key(b)) as Scored);
  };
}

async function recheck(level: Level, scorer: Scorer, tiers: Tier[], scored: Scored, seeds: number): Promise<{seed: number; stars: number}[]> {
  const out = [{seed: level.seed, stars: scored.stars}];
  const others = Array.from({length: Math.max(0, seeds - 1)}, (_, i) => (level.seed + i + 1) >>> 0);
  const results = await Promise.all(others.map((seed) => scorer([tiers], seed)));
  others.forEach((seed, i) => out.push({seed, stars: results[i]?.[0]?.stars ?? 0}));
  return out;
}

async function classify(
  level: Level,
  walk: Walk,
  reference: Scored,
  lessons: Lesson[],
  scorer: Scorer,
  options: SearchOptions,
  space: {spaceSize: number; spaceBuilds?: number; exhaustive: boolean},
): Promise<SearchReport> {
  const seeds = options.recheckSeeds ?? 3;
  const cheaperThan = options.cheaperThan ?? 0.05;
  const shapeScore = cachedScore(walk, scorer, level.seed);
  const winners = walk.order.filter((o) => o.scored.stars >= 3).sort((a, b) => a.scored.monthlyCostUsd - b.scored.monthlyCostUsd);
  const groups = new Map<string, {kind: DodgeKind; lesson?: Lesson; builds: typeof winners}>();
  const add = (kind: DodgeKind, lesson: Lesson | undefined, build: (typeof winners)[number]): void => {
    const id = `${kind}:${lesson?.index ?? ''}`;
    const group = groups.get(id) ?? {kind, lesson, builds: []};
    group.builds.push(build);
    groups.set(id, group);
  };
  for (const build of winners) {
    for (const lesson of lessons) {
      if (!lesson.findingInReference && build.scored.findings.includes(lesson.finding)) add('finding', lesson, build);
      if (sharesShape(build.tiers, lesson) && (await sharesFailure(level, lesson, build.tiers, shapeScore))) add('shape', lesson, build);
    }
    if (build.scored.monthlyCostUsd < reference.monthlyCostUsd * (1 - cheaperThan)) add('cheaper', undefined, build);
  }
  const dodges: Dodge[] = [];
  const counts: SearchReport['counts'] = [];
  for (const group of groups.values()) {
    counts.push({kind: group.kind, lesson: group.lesson?.index, count: group.builds.length});
    for (const build of group.builds.slice(0, PER_GROUP)) {
      dodges.push({kind: group.kind, lesson: group.lesson, tiers: build.tiers, scored: build.scored, seedStars: await recheck(level, scorer, build.tiers, build.scored, seeds)});
    }
  }
  const first = winners[0];
  const cheapest = first ? {tiers: first.tiers, scored: first.scored, seedStars: await recheck(level, scorer, first.tiers, first.scored, seeds)} : undefined;
  return {level: level.id, ...space, scored: walk.scoredCount + 1, shapeChecks: walk.shapeChecks, refused: walk.refused, threeStar: winners.length, reference, cheapest, dodges, counts, lessons};
}


