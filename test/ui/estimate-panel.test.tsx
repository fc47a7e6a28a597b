// The builder's estimate panel: where the money goes, in as many lines as the findings leave room for.
import {afterEach, describe, expect, it} from 'vitest';
import {cleanup, render} from 'ink-testing-library';
import type {CostLine, Finding} from '../../src/engine/index.js';
import {EstimatePanel} from '../../src/ui/builder/EstimatePanel.js';

afterEach(() => cleanup());

const line = (item: string, usd: number): CostLine => ({item, unit: 'hours', quantity: 1, unitPriceUsd: usd, usd}) as CostLine;
const COST = [line('NAT gateway', 65.7), line('EC2 t3.small on-demand', 30.37), line('NAT gateway data processing', 17.2), line('Application Load Balancer', 16.43), line('ALB LCU', 5.84), line('EBS gp3', 1.28)];
const finding = (id: string): Finding => ({id, severity: 'warning', concept: 'high-availability', message: id}) as Finding;

function panel(findings: Finding[], height = 12): string {
  const estimate = {monthlyCostUsd: COST.reduce((sum, l) => sum + l.usd, 0), cost: COST, findings, problems: []};
  return render(<EstimatePanel estimate={estimate} findings={findings} width={34} height={height} />).lastFrame() ?? '';
}

describe('estimate panel', () => {
  it('with few findings, lists every cost line (the load balancer the player just added is not hidden in "more lines")', () => {
    const frame = panel([finding('servers-to-patch')]);
    expect(frame).toContain('Application Load Balancer');
    expect(frame).toContain('EBS gp3');
    expect(frame).not.toContain('more line');
    expect(frame).toContain('servers-to-patch');
  });

  it('wraps a long item name between words onto a second row instead of cutting it', () => {
    const frame = panel([]);
    expect(frame).toMatch(/ NAT gateway data\s+\$17\.20\n\s+processing/);
    expect(frame).not.toContain('…');
  });

  it('with many findings, keeps the largest lines that fit three rows and sums the rest', () => {
    const frame = panel(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(finding));
    expect(frame).toMatch(/NAT gateway\s+\$65\.70/);
    expect(frame).toMatch(/EC2 t3\.small on-demand\s+\$30\.37/);
    // The third line's name takes two rows: it joins the rest rather than being cut.
    expect(frame).not.toContain('NAT gateway data');
    expect(frame).toMatch(/4 more lines\s+\$40\.75/);
    expect(frame).toContain('! warning  g');
  });

  it("on a wide panel, shows each finding's message under its id", () => {
    const estimate = {monthlyCostUsd: 30, cost: [line('EC2 t3.small on-demand', 30)], findings: [], problems: []};
    const said = {...finding('single-az'), message: 'Every instance is in AZ a: an outage there stops the shop.'};
    const wide = render(<EstimatePanel estimate={estimate} findings={[said]} width={72} height={12} />).lastFrame() ?? '';
    expect(wide).toMatch(/single-az\n\s+Every instance is in AZ a: an outage there stops the shop\./);
    const narrow = render(<EstimatePanel estimate={estimate} findings={[said]} width={34} height={12} />).lastFrame() ?? '';
    expect(narrow).not.toContain('Every instance');
  });

  it('names the workload of each cost line when the build has several, so two "NAT gateway" lines differ', () => {
    const cost = [{...line('NAT gateway', 32.85), workload: 'api'}, {...line('NAT gateway', 32.85), workload: 'reconcile'}];
    const estimate = {monthlyCostUsd: 65.7, cost, findings: [], problems: []};
    const frame = render(<EstimatePanel estimate={estimate} findings={[]} width={34} height={12} />).lastFrame() ?? '';
    expect(frame).toContain('api: NAT gateway');
    expect(frame).toContain('reconcile: NAT gateway');
    const single = render(<EstimatePanel estimate={{...estimate, cost: [cost[0] as CostLine]}} findings={[]} width={34} height={12} />).lastFrame() ?? '';
    expect(single).toContain(' NAT gateway');
    expect(single).not.toContain('api:');
  });
});
