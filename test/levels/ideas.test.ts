// Every idea the campaign promises to teach (issue #10) decides at least one level's outcome: it is a concept of a
// level, and a counterexample of that level that lacks it fails with the finding that names it.
import {describe, expect, it} from 'vitest';
import {levelsDir, loadCampaign} from '../../src/content/index.js';
import {simulate} from '../../src/engine/index.js';
import type {Level} from '../../src/engine/types.js';
import type {FindingId} from '../../src/engine/vocab.js';

const campaign = loadCampaign(levelsDir());
const byId = new Map<string, Level>(campaign.ok ? campaign.value.levels.map((l) => [l.id, l]) : []);

/** [idea, concept, level, finding of the counterexample that lacks it]. */
const IDEAS: [string, string, string, FindingId][] = [
  // EC2
  ['stock vs golden AMI: boot time decides recovery', 'ami', 'boot-time', 'slow-boot-stock-ami'],
  ['right-sizing', 'right-sizing', 'too-big-to-fail', 'overloaded'],
  ['right-sizing: paying for capacity that serves nothing', 'idle-cost', 'too-big-to-fail', 'idle-capacity'],
  ['burstable credits: standard vs unlimited', 'burstable-instances', 'out-of-credit', 'burst-credits-exhausted'],
  ['the default VPC is public: no customer data there', 'default-vpc', 'stay-up', 'customer-data-in-default-vpc'],
  ['two instances in two AZs', 'availability-zones', 'stay-up', 'single-az'],
  ['you pay for running time: stop vs always on', 'instance-lifecycle', 'lights-out', 'idle-capacity'],
  ['stop-hibernate: RAM saved to the encrypted EBS root', 'hibernation', 'lights-out', 'hibernate-not-supported'],
  ['dedicated hosts for per-socket licences', 'dedicated-hosts', 'count-the-sockets', 'license-not-compliant'],
  ['the IAM instance profile as the role', 'iam-instance-profile', 'stay-up', 'access-keys-on-instance'],
  ['status checks and health checks before traffic', 'health-checks', 'boot-time', 'slow-boot-stock-ami'],
  ['a security group without SSH from the world', 'security-groups', 'stay-up', 'ssh-open-to-world'],
  ['auto scaling for variable load', 'auto-scaling', 'follow-the-crowd', 'idle-capacity'],
  ['auto scaling replaces failed instances', 'auto-scaling', 'stay-up', 'instance-not-replaced'],
  ['spot: interruptible, needs spare capacity', 'spot-instances', 'steady-state', 'spot-without-spare-capacity'],
  ['spot for restartable batch work', 'spot-instances', 'spare-change', 'jobs-missed-deadline'],
  ['on-demand vs savings plans for steady load', 'savings-plans', 'steady-state', 'spot-without-spare-capacity'],
  // Containers
  ['containers share the host kernel and are portable', 'containers', 'who-restarts-it', 'instance-not-replaced'],
  ['why an orchestrator: container failure', 'container-orchestration', 'who-restarts-it', 'instance-not-replaced'],
  ['ECS vs EKS: the control-plane fee', 'eks', 'control-plane', 'eks-cluster-fee'],
  ['containers on EC2: bin-packing and pending tasks', 'ecs-on-ec2', 'pack-the-cluster', 'tasks-pending'],
  ['containers on EC2: registered memory', 'ecs-on-ec2', 'tetris', 'tasks-pending'],
  // Serverless
  ['serverless: never pay for idle, availability built in', 'serverless', 'thumbnails', 'events-too-old'],
  ['serverless: scales with usage', 'serverless', 'thumbnails', 'idle-capacity'],
  ['Fargate: no instances to manage', 'fargate', 'pack-the-cluster', 'servers-to-patch'],
  ['Fargate: each task its own micro-VM (tenant isolation)', 'tenant-isolation', 'noisy-neighbours', 'tenants-share-hosts'],
  ['Lambda: triggers and events as JSON', 'triggers-and-events', 'thumbnails', 'events-too-old'],
  ['Lambda: the 15-minute limit of standard functions', 'lambda-limits', 'the-nightly-batch', 'lambda-timeout-wall'],
  ['Lambda: memory buys CPU', 'lambda', 'the-bottleneck', 'lambda-throttled'],
  ['Lambda: cold starts and provisioned concurrency', 'cold-starts', 'first-impressions', 'cold-starts-hurt-latency'],
  ['Lambda: provisioned concurrency is paid while idle', 'provisioned-concurrency', 'first-impressions', 'idle-capacity'],
  ['Lambda: concurrency limits and throttling', 'lambda-concurrency', 'the-bottleneck', 'lambda-throttled'],
];

describe.each(IDEAS)('%s', (_idea, concept, levelId, finding) => {
  it(`is a concept of ${levelId}, whose counterexample without it fails with ${finding}`, () => {
    const level = byId.get(levelId);
    expect(level, `no level ${levelId} in the campaign`).toBeDefined();
    if (!level) return;
    expect(level.concepts).toContain(concept);
    const counters = level.counterexamples.filter((c) => c.finding === finding);
    expect(counters.length, `${levelId} has no counterexample with finding ${finding}`).toBeGreaterThan(0);
    for (const counter of counters) {
      const result = simulate(level, {tiers: counter.tiers});
      expect(result.passed, counter.why).toBe(false);
      expect(result.findings.map((f) => f.id)).toContain(finding);
    }
  });
});
