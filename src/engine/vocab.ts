// Every vocabulary the game speaks, spelled once. Types, schemas, the builder's choices and the docs derive from these.

export const COMPUTE_KINDS = ['ec2', 'ecs', 'eks', 'lambda'] as const;
export type ComputeKind = (typeof COMPUTE_KINDS)[number];

export const PURCHASE_OPTIONS = ['on-demand', 'spot', 'savings-plan', 'dedicated-instance', 'dedicated-host'] as const;
export type PurchaseOption = (typeof PURCHASE_OPTIONS)[number];

export const IMAGES = ['stock', 'golden'] as const;
export type Image = (typeof IMAGES)[number];

export const SCHEDULES = ['always', 'office-hours-stop', 'office-hours-hibernate'] as const;
export type Schedule = (typeof SCHEDULES)[number];

export const LOAD_BALANCERS = ['alb', 'none'] as const;
export type LoadBalancer = (typeof LOAD_BALANCERS)[number];

export const NETWORKS = ['default-vpc', 'private'] as const;
export type Network = (typeof NETWORKS)[number];

export const INBOUND_RULES = ['http', 'https', 'ssh-anywhere'] as const;
export type InboundRule = (typeof INBOUND_RULES)[number];

export const IDENTITIES = ['instance-profile', 'access-keys'] as const;
export type Identity = (typeof IDENTITIES)[number];

/** What an Auto Scaling group's health check acts on: EC2 status checks (AWS's default) or also the load balancer's. */
export const HEALTH_CHECKS = ['ec2', 'elb'] as const;
export type HealthCheck = (typeof HEALTH_CHECKS)[number];

/** Burstable (t3/t4g) credit specification. AWS launches T3/T4g as `unlimited` by default. */
export const CREDIT_MODES = ['unlimited', 'standard'] as const;
export type CreditMode = (typeof CREDIT_MODES)[number];

export const LAUNCH_TYPES = ['fargate', 'ec2'] as const;
export type LaunchType = (typeof LAUNCH_TYPES)[number];

export const ARCHITECTURES = ['x86', 'arm'] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

export const TRIGGERS = ['api', 's3', 'sqs', 'schedule'] as const;
export type Trigger = (typeof TRIGGERS)[number];

export const RUNTIMES = ['nodejs', 'python', 'java'] as const;
export type Runtime = (typeof RUNTIMES)[number];

/** us-east-1 has six AZs: us-east-1a … us-east-1f. */
export const AZS = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
export type Az = (typeof AZS)[number];

export const WORKLOAD_KINDS = ['web', 'jobs', 'events'] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

export const DAILY_SHAPES = ['flat', 'business-hours', 'evening-peak', 'night-batch'] as const;
export type DailyShape = (typeof DAILY_SHAPES)[number];

export const JOB_PERIODS = ['hour', 'day', 'week'] as const;
export type JobPeriod = (typeof JOB_PERIODS)[number];

export const EVENT_SOURCES = ['s3', 'sqs', 'schedule'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

export const INCIDENT_KINDS = ['az-outage', 'instance-failure', 'spot-interruption', 'container-crash'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/** Campaign chapters in play order: Servers, Containers, Serverless, Buying compute (purchase options, right-sizing), Mixed finals. */
export const CHAPTERS = ['ec2', 'containers', 'serverless', 'buying', 'mixed'] as const;
export type Chapter = (typeof CHAPTERS)[number];

/** What a level may let the player change. A feature a level does not allow stays at the level's `start` value. */
export const FEATURES = [
  'instanceType', // EC2 instance type / cluster instance type
  'count', // fixed count, task count, cluster size
  'autoScaling', // scaling {min,max,targetCpu}
  'multiAz', // more than one AZ
  'purchase', // purchase option, Fargate Spot
  'image', // stock vs golden AMI
  'schedule', // office-hours stop / hibernate
  'creditMode', // burstable standard / unlimited
  'loadBalancer', // ALB
  'network', // default VPC vs private subnets
  'security', // inbound rules and identity
  'taskSize', // Fargate / ECS task vCPU and memory
  'lambdaConfig', // memory, timeout, architecture, runtime
  'concurrency', // reserved and provisioned concurrency
  'storage', // EC2 root volume size
] as const;
export type Feature = (typeof FEATURES)[number];

export const LICENSES = ['none', 'per-socket-byol'] as const;
export type License = (typeof LICENSES)[number];

/** Metrics an objective can name. `better` says which direction wins. */
export const METRICS = [
  'availability',
  'p95LatencyMs',
  'monthlyCostUsd',
  'idleCostShare',
  'jobsOnTime',
  'eventsWithinMaxAge',
  'opsHoursPerMonth',
] as const;
export type Metric = (typeof METRICS)[number];
export const METRIC_BETTER: Record<Metric, 'higher' | 'lower'> = {
  availability: 'higher',
  p95LatencyMs: 'lower',
  monthlyCostUsd: 'lower',
  idleCostShare: 'lower',
  jobsOnTime: 'higher',
  eventsWithinMaxAge: 'higher',
  opsHoursPerMonth: 'lower',
};

/** Every failed request, job or event has exactly one of these reasons. */
export const FAILURE_REASONS = [
  'overload', // offered more than the healthy capacity could serve at all
  'slow', // served, but slower than the SLO (a slow unit, or queueing at high utilisation)
  'az-outage', // its unit was in an AZ that was down
  'instance-failure', // its unit had failed and nothing replaced it yet
  'spot-interruption', // its unit was reclaimed by EC2 Spot / Fargate Spot
  'container-crash', // its task/process had crashed
  'scheduled-stop', // the instance was stopped by its schedule
  'booting', // capacity was launching (status checks, app boot) and none else was ready
  'cold-start', // a Lambda cold start pushed it past the SLO
  'throttle', // Lambda concurrency limit reached
  'timeout', // ran past the Lambda timeout (the 15-minute wall)
  'no-route', // no load balancer routed to the healthy units
  'pending-task', // the task could not be placed on the cluster
  'out-of-memory', // the job needs more memory than the unit has
  'deadline', // a job finished, but after its deadline
  'security-group', // the tier's security group admitted neither HTTP nor HTTPS: the request never reached it
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

export const SEVERITIES = ['critical', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Every finding the engine can raise. Each maps to a concept card in assets/concepts.yaml. */
export const FINDING_IDS = [
  'single-az',
  'single-instance',
  'no-load-balancer',
  'customer-data-in-default-vpc',
  'ssh-open-to-world',
  'access-keys-on-instance',
  'license-not-compliant',
  'lambda-timeout-wall',
  'cold-starts-hurt-latency',
  'idle-capacity',
  'burst-credits-exhausted',
  'tasks-pending',
  'spot-without-spare-capacity',
  'hibernate-not-supported',
  'slow-boot-stock-ami',
  'overloaded',
  'lambda-throttled',
  'jobs-missed-deadline',
  'events-too-old',
  'servers-to-patch',
  'az-outage-survived',
  'instance-not-replaced',
  'scheduled-stop-while-busy',
  'job-out-of-memory',
  'eks-cluster-fee',
  'slower-than-slo',
  'lambda-memory-cpu',
  'tenants-share-hosts',
  'inbound-rule-missing',
  'customer-data-over-http',
] as const;
export type FindingId = (typeof FINDING_IDS)[number];

/**
 * The concept card (assets/concepts.yaml) that explains each finding. Concept ids are kebab-case.
 * Every concept a level or finding names must have a card; `rightsize validate` checks it.
 */
export const FINDING_CONCEPT: Record<FindingId, string> = {
  'single-az': 'availability-zones',
  'single-instance': 'high-availability',
  'no-load-balancer': 'load-balancer',
  'customer-data-in-default-vpc': 'default-vpc',
  'ssh-open-to-world': 'security-groups',
  'access-keys-on-instance': 'iam-instance-profile',
  'license-not-compliant': 'dedicated-hosts',
  'lambda-timeout-wall': 'lambda-limits',
  'cold-starts-hurt-latency': 'cold-starts',
  'idle-capacity': 'idle-cost',
  'burst-credits-exhausted': 'burstable-instances',
  'tasks-pending': 'ecs-on-ec2',
  'spot-without-spare-capacity': 'spot-instances',
  'hibernate-not-supported': 'hibernation',
  'slow-boot-stock-ami': 'ami',
  'overloaded': 'right-sizing',
  'lambda-throttled': 'lambda-concurrency',
  'jobs-missed-deadline': 'right-sizing',
  'events-too-old': 'triggers-and-events',
  'servers-to-patch': 'undifferentiated-heavy-lifting',
  'az-outage-survived': 'availability-zones',
  'instance-not-replaced': 'auto-scaling',
  'scheduled-stop-while-busy': 'instance-lifecycle',
  'job-out-of-memory': 'right-sizing',
  'eks-cluster-fee': 'eks',
  'slower-than-slo': 'right-sizing',
  'lambda-memory-cpu': 'lambda',
  'tenants-share-hosts': 'tenant-isolation',
  'inbound-rule-missing': 'security-groups',
  'customer-data-over-http': 'security-groups',
};

/**
 * Concept ids the shipped cards cover (assets/concepts.yaml must have exactly these, at least).
 * Levels may only name concepts that have a card.
 */
export const CORE_CONCEPTS = [
  'client-server',
  'compute-choices', // VMs vs containers vs serverless
  'ec2-instances',
  'ami',
  'instance-lifecycle', // pending/running/stopping/stopped, status checks, billing while stopped
  'hibernation',
  'ebs-root-volume',
  'default-vpc',
  'security-groups',
  'iam-instance-profile',
  'availability-zones',
  'high-availability',
  'load-balancer',
  'auto-scaling',
  'right-sizing',
  'burstable-instances',
  'purchase-options',
  'spot-instances',
  'savings-plans',
  'dedicated-hosts',
  'idle-cost',
  'public-ipv4',
  'containers',
  'container-orchestration',
  'ecs',
  'eks',
  'fargate',
  'ecs-on-ec2',
  'serverless',
  'undifferentiated-heavy-lifting',
  'lambda',
  'lambda-limits',
  'cold-starts',
  'provisioned-concurrency',
  'lambda-concurrency',
  'triggers-and-events',
  // Added with the campaign's later chapters.
  'health-checks',
  'graviton',
  'nat-gateway',
  'elasticity',
  'shared-responsibility',
  'tenant-isolation',
] as const;

/** Exam domains quizzes and levels map to: AWS Certified Cloud Practitioner (CLF-C02) and Solutions Architect – Associate (SAA-C03). */
export const EXAM_DOMAINS = [
  'CLF-C02/cloud-concepts',
  'CLF-C02/security',
  'CLF-C02/technology',
  'CLF-C02/billing',
  'SAA-C03/secure',
  'SAA-C03/resilient',
  'SAA-C03/performant',
  'SAA-C03/cost',
] as const;
export type ExamDomain = (typeof EXAM_DOMAINS)[number];
