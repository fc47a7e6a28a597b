// assets/concepts.yaml: one card per core concept and per finding, each readable in a terminal, each fact
// sourced from AWS, every price agreeing with the catalog, and every idea of the seed notes taught somewhere.
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {parseWith} from '../../src/content/load.js';
import {buildConceptsSchema, type ConceptCard} from '../../src/content/schema-concepts.js';
import {CATALOG} from '../../src/engine/catalog.js';
import {CORE_CONCEPTS, FINDING_CONCEPT, FINDING_IDS} from '../../src/engine/vocab.js';

const FILE = fileURLToPath(new URL('../../assets/concepts.yaml', import.meta.url));
const parsed = parseWith(buildConceptsSchema(), readFileSync(FILE, 'utf8'), 'assets/concepts.yaml');
const cards: ConceptCard[] = parsed.ok ? parsed.value.concepts : [];
const byId = new Map(cards.map((card) => [card.id, card]));

function card(id: string): ConceptCard {
  const found = byId.get(id);
  if (found === undefined) throw new Error(`no card '${id}'`);
  return found;
}
/** Everything a learner reads on a card, in one string. */
const cardText = (id: string): string => {
  const c = card(id);
  return [c.title, c.summary, c.explanation, ...c.facts.map((f) => f.text)].join('\n');
};
const usd = (amount: number, digits = 2): string => `$${amount.toFixed(digits)}`;

describe('concepts.yaml', () => {
  it('parses against the concept schema with no problems', () => {
    expect(parsed.ok ? [] : parsed.problems.map((p) => `${p.line}:${p.col} ${p.path}: ${p.message}`)).toEqual([]);
  });

  it('has no card twice', () => {
    expect(byId.size).toBe(cards.length);
  });

  it.each(CORE_CONCEPTS)('has a card for core concept %s', (id) => {
    expect(byId.has(id)).toBe(true);
  });

  it.each(FINDING_IDS)('finding %s points at a card', (finding) => {
    expect(byId.has(FINDING_CONCEPT[finding])).toBe(true);
  });
});

describe.each(CORE_CONCEPTS)('card %s', (id) => {
  it('explanation fits 80 columns × 12 lines', () => {
    const lines = card(id).explanation.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(12);
    expect(lines.filter((line) => line.length > 80)).toEqual([]);
  });

  it('teaches in 3 to 8 sentences', () => {
    const sentences = card(id).explanation.split(/[.!?](?:\s|$)/).filter((s) => s.trim().length > 0);
    expect(sentences.length).toBeGreaterThanOrEqual(3);
    expect(sentences.length).toBeLessThanOrEqual(8);
  });

  it('has sourced facts from AWS pages and at least one exam domain', () => {
    const c = card(id);
    expect(c.facts.length).toBeGreaterThan(0);
    expect(c.facts.filter((f) => !/^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com)\//.test(f.source))).toEqual([]);
    expect(c.exam.length).toBeGreaterThan(0);
  });
});

describe('numbers on the cards agree with the catalog', () => {
  const rows: [string, string, string][] = [
    ['m5.large hourly price', 'ec2-instances', usd(CATALOG.instanceTypes['m5.large']!.usdPerHour, 3)],
    ['m7g.large hourly price', 'right-sizing', usd(CATALOG.instanceTypes['m7g.large']!.usdPerHour, 4)],
    ['gp3 per GB-month', 'ebs-root-volume', usd(CATALOG.ebs.gp3UsdPerGbMonth)],
    ['8 GB root volume a month', 'ebs-root-volume', usd(CATALOG.ebs.defaultRootVolumeGb * CATALOG.ebs.gp3UsdPerGbMonth)],
    ['public IPv4 per hour', 'public-ipv4', usd(CATALOG.publicIpv4.usdPerHour, 3)],
    ['NAT gateway per hour', 'public-ipv4', usd(CATALOG.natGateway.usdPerHour, 3)],
    ['ALB per hour', 'load-balancer', usd(CATALOG.alb.usdPerHour, 4)],
    ['ALB per LCU-hour', 'load-balancer', usd(CATALOG.alb.usdPerLcuHour, 3)],
    ['EKS per cluster-hour', 'eks', usd(CATALOG.eks.usdPerClusterHour)],
    ['Fargate per vCPU-hour', 'fargate', usd(CATALOG.fargate.x86.usdPerVcpuHour, 5)],
    ['Fargate per GB-hour', 'fargate', usd(CATALOG.fargate.x86.usdPerGbHour, 6)],
    ['Fargate Spot discount', 'spot-instances', `${Math.round(CATALOG.fargate.spotDiscount * 100)}%`],
    ['Lambda per million requests', 'lambda', usd(CATALOG.lambda.usdPerMillionRequests)],
    ['Lambda x86 per GB-second', 'lambda', usd(CATALOG.lambda.x86.usdPerGbSecond, 10)],
    ['Lambda MB per vCPU', 'lambda', CATALOG.lambda.mbPerVcpu.toLocaleString('en-US')],
    ['Lambda maximum timeout', 'lambda-limits', `${CATALOG.lambda.timeoutSecondsMax} seconds`],
    ['Lambda maximum memory', 'lambda-limits', CATALOG.lambda.memoryMbMax.toLocaleString('en-US')],
    ['Lambda default concurrency', 'lambda-concurrency', CATALOG.lambda.defaultConcurrencyLimit.toLocaleString('en-US')],
    ['Lambda unreserved concurrency', 'lambda-concurrency', `keeps ${CATALOG.lambda.minUnreservedConcurrency}`],
    ['provisioned concurrency per GB-second', 'provisioned-concurrency', usd(CATALOG.lambda.x86.provisionedUsdPerGbSecond, 10)],
    ['HTTP API per million', 'triggers-and-events', usd(CATALOG.apiGateway.httpApiUsdPerMillionRequests)],
    ['T3 surplus credit', 'burstable-instances', usd(CATALOG.burst.surplusUsdPerVcpuHour.t3 ?? NaN)],
    ['T4g surplus credit', 'burstable-instances', usd(CATALOG.burst.surplusUsdPerVcpuHour.t4g ?? NaN)],
    ['t3.micro max credits', 'burstable-instances', String(CATALOG.instanceTypes['t3.micro']!.burst!.maxCredits)],
    ['hibernation RAM limit', 'hibernation', `${CATALOG.hibernation.maxRamGiB} GB`],
    ['Spot notice', 'spot-instances', 'two-minute'],
    ['savings plan model factor', 'savings-plans', `${Math.round(CATALOG.savingsPlan.computeDiscount * 100)}%`],
    ['m5 host capacity', 'dedicated-hosts', `${CATALOG.dedicatedHosts.m5!.capacity['m5.large']} m5.large`],
    ['ALB health check interval', 'load-balancer', `${CATALOG.timings.albHealthCheckSeconds / 2} seconds`],
    ['ops hours per server', 'undifferentiated-heavy-lifting', `${CATALOG.timings.opsHoursPerServerMonth} operator hours`],
  ];
  it.each(rows)('%s', (_name, id, expected) => {
    expect(cardText(id)).toContain(expected);
  });
});

describe('every idea of the seed notes is taught', () => {
  const rows: [string, string, RegExp][] = [
    ['servers answer HTTP requests (client-server)', 'client-server', /client.*request[\s\S]*server/],
    ['any API communication is client-server too', 'client-server', /Any API call/],
    ['three types: VMs, containers, serverless', 'compute-choices', /Virtual machines[\s\S]*Containers[\s\S]*Serverless/],
    ['AMI, and you can build your own', 'ami', /build your own/],
    ['secure, resizable compute capacity', 'ec2-instances', /secure, resizable compute capacity/],
    ['a VM on a hypervisor; the AMI copied to the root volume', 'ec2-instances', /hypervisor[\s\S]*AMI[\s\S]*root volume/],
    ['connect and install software', 'ec2-instances', /connect to and install software/],
    ['instances go to the default VPC unless told otherwise', 'default-vpc', /Unless you say otherwise/],
    ['default VPC is public: no customer data', 'default-vpc', /public[\s\S]*keep\s+customer data[\s\S]*out/],
    ['two instances in two AZs for high availability', 'high-availability', /two instances in two separate Availability Zones/],
    ['pay only while running (and stopping when hibernating)', 'hibernation', /while it runs[\s\S]*while it is stopping/],
    ['stop-hibernate: RAM saved to the EBS root volume', 'hibernation', /saves the RAM to the EBS root volume/],
    ['hibernation prerequisites', 'hibernation', /turned on at launch[\s\S]*150 GB[\s\S]*encrypted root volume/],
    ['stop and stop-hibernate keep state on the EBS root', 'ebs-root-volume', /both stop and stop-hibernate/],
    ['dedicated host for licence compliance', 'dedicated-hosts', /licensed per physical socket or core/],
    ['the instance profile is the role', 'iam-instance-profile', /instance\s+profile is the container that carries the role/],
    ['wait for status checks after running', 'instance-lifecycle', /Running does not mean\s+ready[\s\S]*status checks/],
    ['security group: allow HTTP, disable SSH', 'security-groups', /HTTP on port 80[\s\S]*disable it/],
    ['kernels isolate processes', 'containers', /kernels can isolate groups of processes/],
    ['containers are portable', 'containers', /moves from one machine to another/],
    ['containers share the host kernel', 'containers', /shares\s+the kernel of the host/],
    ['containers can run on EC2', 'containers', /containers run on EC2 instances/],
    ['an orchestrator is needed', 'container-orchestration', /you need an orchestrator/],
    ['orchestrator: placement, container failure, instance failure, deployments', 'container-orchestration', /place each container[\s\S]*container\s+fails[\s\S]*instance fails[\s\S]*monitor new versions/],
    ['ECS and EKS', 'container-orchestration', /Amazon ECS and Amazon EKS/],
    ['lose some control for convenience', 'serverless', /losing some control for convenience/],
    ['no servers, scales with usage, never pay for idle (Lambda; a running Fargate task bills), availability built in', 'serverless', /no servers[\s\S]*scales with usage[\s\S]*Lambda you never pay for idle[\s\S]*Fargate task bills[\s\S]*fault tolerance are built in/],
    ['spend time on what differentiates', 'undifferentiated-heavy-lifting', /undifferentiated heavy lifting/],
    ['Fargate: no EC2 instances to manage', 'fargate', /no EC2 instances to patch/],
    ['Fargate: task-level isolation, its own micro-VM', 'fargate', /own micro-VM/],
    ['Lambda: no servers, continuous scaling, subsecond metering', 'lambda', /no servers to manage[\s\S]*millisecond/],
    ['Lambda: under 15 minutes, quick processing', 'lambda', /quick processing[\s\S]*15 minutes/],
    ['Lambda: function, trigger, event as JSON', 'lambda', /function is the resource[\s\S]*trigger says when[\s\S]*JSON document/],
  ];
  it.each(rows)('%s', (_idea, id, pattern) => {
    expect(cardText(id)).toMatch(pattern);
  });
});
