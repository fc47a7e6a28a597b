// The engine's inputs and outputs. `content` validates files into these shapes (defaults applied);
// `ui`, `cli` and `store` read them. Times in levels stay as written ("wed 14:00"); `parseWhen` reads them.
import type {
  Architecture,
  Az,
  Chapter,
  ComputeKind,
  CreditMode,
  DailyShape,
  EventSource,
  FailureReason,
  Feature,
  FindingId,
  HealthCheck,
  Identity,
  Image,
  InboundRule,
  IncidentKind,
  JobPeriod,
  LaunchType,
  License,
  LoadBalancer,
  Metric,
  Network,
  PurchaseOption,
  Runtime,
  Schedule,
  Severity,
  Trigger,
  WorkloadKind,
} from './vocab.js';

// ---------------------------------------------------------------- workloads

/** A time in the horizon: "wed 14:00", "day 2 14:00" (day 0 = Monday). */
export type When = string;

export interface Spike {
  at: When;
  minutes: number;
  factor: number;
}

interface WorkloadBase {
  id: string;
  kind: WorkloadKind;
  /** Tenants (customers) the workload serves who must be isolated from each other. Absent or 1: one. */
  tenants?: number;
}

export interface WebWorkload extends WorkloadBase {
  kind: 'web';
  /** Requests per second before the shapes apply. */
  baseRps: number;
  /** A named shape or 24 hourly multipliers. */
  daily: DailyShape | number[];
  /** 7 multipliers from Monday. */
  weekly: number[];
  spikes: Spike[];
  /** Relative amplitude of the seeded per-minute noise (0.05 = ±5%). */
  noise: number;
  cpuMsPerRequest: number;
  /** A request slower than this does not count as good. */
  sloMs: number;
  /** KB each request sends to the internet (through NAT from private subnets). Absent: none. */
  egressKbPerRequest?: number;
}

export interface JobsWorkload extends WorkloadBase {
  kind: 'jobs';
  every: JobPeriod;
  /** "02:00" for daily, ":15" (or "00:15") for hourly, "sun 02:00" for weekly. */
  at: string;
  count: number;
  /** Work in minutes of one vCPU. */
  vcpuMinutes: number;
  memoryGb: number;
  deadlineMinutes: number;
  /** false: a job runs on one vCPU however many the unit has. */
  parallelizable: boolean;
  /** KB each job sends to the internet (through NAT from private subnets). Absent: none. */
  egressKbPerJob?: number;
}

export interface EventsWorkload extends WorkloadBase {
  kind: 'events';
  source: EventSource;
  /** Events per second before the shapes apply. */
  baseRate: number;
  daily: DailyShape | number[];
  weekly: number[];
  spikes: Spike[];
  noise: number;
  cpuMsPerEvent: number;
  /** An event processed later than this after it arrived counts as failed. */
  maxAgeSeconds: number;
  /** KB each event sends to the internet (through NAT from private subnets). Absent: none. */
  egressKbPerEvent?: number;
}

export type Workload = WebWorkload | JobsWorkload | EventsWorkload;

// ---------------------------------------------------------------- compute tiers (what the player builds)

export interface Scaling {
  min: number;
  max: number;
  /** Target average CPU utilisation, 0–1. */
  targetCpu: number;
}

interface TierBase {
  /** The workload this tier serves (one tier per workload). */
  workload: string;
  compute: ComputeKind;
}

export interface Ec2Tier extends TierBase {
  compute: 'ec2';
  instanceType: string;
  /** Fixed count when `scaling` is absent. */
  count: number;
  scaling?: Scaling;
  azs: Az[];
  purchase: PurchaseOption;
  image: Image;
  schedule: Schedule;
  creditMode: CreditMode;
  loadBalancer: LoadBalancer;
  network: Network;
  inbound: InboundRule[];
  identity: Identity;
  /** Root EBS volume size (gp3). */
  rootVolumeGb: number;
  /** Root volume encrypted (hibernation needs it). */
  encryptedRoot: boolean;
  /** Auto Scaling group health check type: EC2 status checks only (AWS's default) or ELB health checks too. */
  healthCheck: HealthCheck;
}

export interface TaskSize {
  vcpu: number;
  memoryGb: number;
}

export interface Cluster {
  instanceType: string;
  count: number;
  purchase: PurchaseOption;
}

export interface ContainerTier extends TierBase {
  compute: 'ecs' | 'eks';
  launchType: LaunchType;
  task: TaskSize;
  /** Fixed task count when `scaling` is absent. */
  tasks: number;
  scaling?: Scaling;
  /** Cluster instances when launchType is ec2 (tasks are bin-packed onto them). */
  cluster?: Cluster;
  /** Fargate Spot for the tasks (launchType fargate). */
  spot: boolean;
  architecture: Architecture;
  azs: Az[];
  loadBalancer: LoadBalancer;
  network: Network;
}

export interface LambdaTier extends TierBase {
  compute: 'lambda';
  memoryMb: number;
  timeoutSeconds: number;
  architecture: Architecture;
  runtime: Runtime;
  /** Absent: the function shares the account's unreserved concurrency (1,000 by default). */
  reservedConcurrency?: number;
  provisionedConcurrency: number;
  trigger: Trigger;
}

export type Tier = Ec2Tier | ContainerTier | LambdaTier;

export interface Build {
  tiers: Tier[];
}

export interface Solution {
  formatVersion: 1;
  level: string;
  player?: string;
  tiers: Tier[];
}

// ---------------------------------------------------------------- levels

export interface AzOutage {
  kind: 'az-outage';
  /**
   * Pins the AZ that goes down. Absent (the default): the outage strikes the AZ holding the most of the build's
   * serving capacity when it begins (ties broken by the seed), so no build dodges it by avoiding a letter.
   */
  az?: Az;
  at: When;
  minutes: number;
}
export interface InstanceFailure {
  kind: 'instance-failure';
  /** Which tier's units (by workload id); absent = the first EC2-backed tier. */
  workload?: string;
  at: When;
  /** How many units fail (the lowest-numbered running ones). */
  units: number;
}
export interface SpotInterruption {
  kind: 'spot-interruption';
  at: When;
  /** Share (0–1) of the running spot units reclaimed; which ones is seeded. */
  share: number;
}
export interface ContainerCrash {
  kind: 'container-crash';
  workload?: string;
  at: When;
  units: number;
}
export type Incident = AzOutage | InstanceFailure | SpotInterruption | ContainerCrash;
export type IncidentOf<K extends IncidentKind> = Extract<Incident, {kind: K}>;

export interface Objective {
  metric: Metric;
  pass: number;
  gold: number;
  weight: number;
}

export interface QuizQuestion {
  q: string;
  choices: string[];
  /** Index into choices. */
  answer: number;
  explain: string;
  concepts: string[];
  exam: string;
}

export interface Counterexample {
  why: string;
  finding: FindingId;
  tiers: Tier[];
}

/** Another build that also reaches 3 stars: the level has more than one way to win. */
export interface Alternative {
  why: string;
  tiers: Tier[];
}

export interface Level {
  formatVersion: 1;
  id: string;
  title: string;
  chapter: Chapter;
  concepts: string[];
  exam: string[];
  briefing: string;
  horizonDays: number;
  seed: number;
  workloads: Workload[];
  data: {customerData: boolean};
  requirements: {license: License; forbidFindings: FindingId[]};
  incidents: Incident[];
  allow: {compute: ComputeKind[]; features: Feature[]; instanceTypes?: string[]};
  start: Build;
  objectives: Objective[];
  hints: string[];
  debrief: string;
  reference: Build;
  /** Other winning builds (different compute kinds or purchase options); each must reach 3 stars. */
  alternatives?: Alternative[];
  counterexamples: Counterexample[];
  quiz: QuizQuestion[];
}

// ---------------------------------------------------------------- results

export interface Finding {
  id: FindingId;
  severity: Severity;
  /** A concept id from assets/concepts.yaml. */
  concept: string;
  message: string;
  workload?: string;
  /**
   * When the message blames a number of failed requests, jobs or events on this cause: that number (as printed,
   * whole items) and the failure reasons that count them (Result.failures holds at least that many of them).
   */
  failed?: {count: number; reasons: FailureReason[]};
}

export interface CostLine {
  /** e.g. "EC2 m5.large on-demand", "EBS gp3", "ALB LCU". */
  item: string;
  /** AWS's own unit: "instance-hours", "GB-months", "LCU-hours", "GB-seconds", "requests", ... */
  unit: string;
  /** Quantity per 730-hour month. */
  quantity: number;
  unitPriceUsd: number;
  /** Per 730-hour month. */
  usd: number;
  workload?: string;
}

export interface ObjectiveResult {
  metric: Metric;
  value: number;
  pass: number;
  gold: number;
  weight: number;
  met: boolean;
  atGold: boolean;
  points: number;
  maxPoints: number;
  /** For an objective not at gold: the finding that cost it, when one explains it. */
  lostTo?: FindingId;
}

export interface Metrics {
  availability: number;
  p95LatencyMs: number;
  monthlyCostUsd: number;
  idleCostShare: number;
  jobsOnTime: number;
  eventsWithinMaxAge: number;
  opsHoursPerMonth: number;
  requestsOffered: number;
  requestsServed: number;
  requestsFailed: number;
  jobsTotal: number;
  jobsFailed: number;
  eventsTotal: number;
  eventsFailed: number;
}

export interface TimelineSeries {
  workload: string;
  kind: WorkloadKind;
  /** "req/s", "events/s" or "jobs". */
  unit: string;
  demand: number[];
  capacity: number[];
  served: number[];
  failed: number[];
  p95Ms: number[];
  /** The bucket's busiest minute (its demand in the series' unit): a spike shorter than a bucket still shows. */
  peakDemand: number[];
  /** The bucket's lowest capacity in one minute (same unit as capacity; 0 when there was none). */
  lowCapacity: number[];
  /** Jobs: the most jobs waiting or running in one minute; events: the most events waiting. Absent: no queue reported. */
  backlog?: number[];
  /** Events: the age in seconds of the oldest event waiting or processed in the bucket's worst minute. */
  oldestAgeS?: number[];
  /** Events: how old an event may get before it fails (the workload's maxAgeSeconds). */
  maxAgeS?: number;
  /** Jobs: jobs that missed their deadline in the bucket. */
  missed?: number[];
}

export interface TimelineMark {
  minute: number;
  kind: IncidentKind | 'scale-out' | 'scale-in' | 'schedule';
  label: string;
}

export interface Timeline {
  bucketMinutes: number;
  buckets: number;
  series: TimelineSeries[];
  /** Spend rate per bucket, USD per hour. */
  costUsdPerHour: number[];
  marks: TimelineMark[];
}

export interface Result {
  level: string;
  levelHash: string;
  /** Fingerprint of the solution's tiers: the result (and its fingerprint) names the exact build it scored. */
  solutionHash?: string;
  engineVersion: string;
  seed: number;
  horizonHours: number;
  passed: boolean;
  stars: 0 | 1 | 2 | 3;
  points: number;
  objectives: ObjectiveResult[];
  /** Why the level failed outright, if it did (critical finding, license, forbidden finding). */
  hardFailures: string[];
  metrics: Metrics;
  cost: CostLine[];
  failures: Partial<Record<FailureReason, number>>;
  findings: Finding[];
  timeline: Timeline;
  fingerprint: string;
}

/** A semantic problem in a solution for a level (unknown workload, feature not allowed, bad Fargate size...). */
export interface Problem {
  /** A path into the solution, e.g. ["tiers", 0, "task", "memoryGb"]. */
  path: (string | number)[];
  message: string;
}

export interface SimulateOptions {
  /** Overrides level.seed (a challenge's private seed, the sandbox). */
  seed?: number;
  /** Overrides level.incidents (the sandbox). */
  incidents?: Incident[];
}
