// Security groups gate traffic (#14): a web tier whose inbound rules admit neither HTTP nor HTTPS serves nothing.
import {describe, expect, it} from 'vitest';
import {simulate, staticFindings} from '../../src/engine/index.js';
import type {Result, Tier} from '../../src/engine/types.js';
import type {InboundRule} from '../../src/engine/vocab.js';
import {jobs, makeLevel, solution, web, withDefaults} from './fixtures.js';

const steady = web({baseRps: 10, noise: 0});
const level = makeLevel({workloads: [steady]});
const ec2 = (inbound: InboundRule[], loadBalancer: 'alb' | 'none' = 'alb'): Tier =>
  withDefaults({workload: 'web', compute: 'ec2', instanceType: 'c5.large', count: 2, azs: ['a', 'b'], loadBalancer, inbound});
const failed = (result: Result, reason: keyof Result['failures']): number => result.failures[reason] ?? 0;

describe('inbound rules decide whether web traffic arrives', () => {
  it.each([
    {name: '`inbound: []` behind an ALB serves nothing: every request fails with security-group', inbound: [] as InboundRule[], loadBalancer: 'alb' as const, serves: false},
    {name: 'SSH alone carries no web traffic: nothing served', inbound: ['ssh-anywhere'] as InboundRule[], loadBalancer: 'alb' as const, serves: false},
    {name: 'no rule and no load balancer: nothing reaches the instance from the internet either', inbound: [] as InboundRule[], loadBalancer: 'none' as const, serves: false},
    {name: 'HTTPS behind an ALB serves', inbound: ['https'] as InboundRule[], loadBalancer: 'alb' as const, serves: true},
    {name: 'HTTP behind an ALB serves', inbound: ['http'] as InboundRule[], loadBalancer: 'alb' as const, serves: true},
  ])('$name', ({inbound, loadBalancer, serves}) => {
    const result = simulate(level, solution(ec2(inbound, loadBalancer)));
    const ids = result.findings.map((f) => f.id);
    if (serves) {
      expect(failed(result, 'security-group')).toBe(0);
      expect(result.metrics.availability).toBeGreaterThan(0.99);
      expect(ids).not.toContain('inbound-rule-missing');
    } else {
      expect(result.metrics.requestsServed).toBe(0);
      expect(failed(result, 'security-group')).toBe(result.metrics.requestsOffered);
      expect(result.metrics.availability).toBe(0);
      expect(ids).toContain('inbound-rule-missing');
      const availability = result.objectives.find((o) => o.metric === 'availability');
      expect(availability?.lostTo).toBe('inbound-rule-missing');
    }
  });

  it('the finding names the missing rule, and where the traffic comes from', () => {
    const [finding] = staticFindings(level, [ec2([])]).filter((f) => f.id === 'inbound-rule-missing');
    expect(finding?.severity).toBe('critical');
    expect(finding?.concept).toBe('security-groups');
    expect(finding?.message).toMatch(/neither HTTP \(port 80\) nor HTTPS \(port 443\) from the load balancer/);
    expect(finding?.message).toMatch(/inbound \[https\]/);
  });

  it('a jobs tier needs no inbound rule: its work is started from inside, not sent to it', () => {
    const batch = makeLevel({workloads: [jobs()], objectives: [{metric: 'jobsOnTime', pass: 1, gold: 1, weight: 1}]});
    const tier = withDefaults({workload: 'batch', compute: 'ec2', instanceType: 'c5.large', inbound: []});
    const result = simulate(batch, solution(tier));
    expect(result.metrics.jobsOnTime).toBe(1);
    expect(result.findings.map((f) => f.id)).not.toContain('inbound-rule-missing');
  });
});
