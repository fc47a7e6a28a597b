// The builder with real key presses: every press waits for the frame to change.
import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {withDefaults, type Ec2Tier, type Level, type Tier} from '../../src/engine/index.js';
import {BuilderScreen} from '../../src/ui/builder/BuilderScreen.js';
import {loadCampaign} from '../../src/content/index.js';
import {EVENTS, KEYS, ec2Tier, lineWith, makeLevel, press, renderWithKeys, toSmallestTerminal, until, waitFor} from './helpers-builder.js';

afterEach(() => cleanup());

function open(level: Level = makeLevel(), fallback?: (input: string) => void) {
  const calls = {run: [] as Tier[][], back: 0, save: [] as Tier[][], saveNames: [] as string[]};
  const ui = renderWithKeys(
    <BuilderScreen level={level} initialTiers={level.start.tiers} onRun={(tiers) => calls.run.push(tiers)} onBack={() => calls.back++} onSave={(tiers, name) => {
      calls.save.push(tiers);
      calls.saveNames.push(name);
      return true;
    }} />,
    fallback ? (input) => void fallback(input) : undefined,
  );
  return {ui, calls};
}

const monthly = (frame: string): string => /≈ (\$[\d,.]+)\/month/.exec(frame)?.[1] ?? '';

describe('builder screen', () => {
  it('shows the workload it serves, the fields, and a priced estimate with findings in words', async () => {
    const {ui} = open();
    const frame = await waitFor(ui, 'Stay Up — build');
    expect(frame).toContain('Serves web 68 req/s at peak (business-hours)');
    expect(lineWith(frame, 'instance type')).toContain('t3.small');
    expect(monthly(frame)).toMatch(/^\$\d/);
    expect(frame).toContain('warning  single-az');
  });

  it('→ on the instance type changes it and the estimate follows', async () => {
    const {ui} = open();
    const before = await waitFor(ui, '≈ $');
    await press(ui, KEYS.down, (f) => lineWith(f, 'instance type').includes('‹ t3.small ›'));
    const after = await press(ui, KEYS.right, (f) => lineWith(f, 'instance type').includes('‹ t3.medium ›'));
    const changed = await waitFor(ui, (f) => monthly(f) !== monthly(before));
    expect(monthly(changed)).not.toBe(monthly(before));
    expect(after).toContain('t3.medium');
  });

  it('space toggles the highlighted AZ and the single-az finding goes', async () => {
    const {ui} = open();
    await waitFor(ui, 'single-az');
    for (let i = 0; i < 4; i++) await press(ui, KEYS.down);
    await waitFor(ui, (f) => lineWith(f, 'AZs').startsWith('›'));
    expect(lineWith(ui.lastFrame() ?? '', 'AZs')).not.toContain('[');
    await press(ui, KEYS.right, (f) => lineWith(f, 'AZs').includes('[✓a]'));
    await press(ui, KEYS.right, (f) => lineWith(f, 'AZs').includes('[·b]'));
    const frame = await press(ui, KEYS.space, (f) => lineWith(f, 'AZs').includes('✓b'));
    expect(lineWith(frame, 'AZs')).toContain('✓a[✓b]·c');
    await waitFor(ui, (f) => !f.includes('single-az'));
  });

  it('esc inside the AZs steps out of them first (the key bar says so); the next esc leaves the builder', async () => {
    const {ui, calls} = open();
    await waitFor(ui, 'single-az');
    for (let i = 0; i < 4; i++) await press(ui, KEYS.down);
    await waitFor(ui, (f) => lineWith(f, 'AZs').startsWith('›'));
    expect(ui.lastFrame()).toContain('q/esc  back');
    let frame = await press(ui, KEYS.space, (f) => lineWith(f, 'AZs').includes('[✓a]'));
    expect(frame).toContain('esc/q  done');
    frame = await press(ui, KEYS.escape, (f) => !lineWith(f, 'AZs').includes('['));
    expect(calls.back).toBe(0);
    expect(lineWith(frame, 'AZs').startsWith('›')).toBe(true);
    expect(frame).toContain('q/esc  back');
    await press(ui, KEYS.right, (f) => lineWith(f, 'AZs').includes('[✓a]'));
    await press(ui, 'q', (f) => !lineWith(f, 'AZs').includes('['));
    expect(calls.back).toBe(0);
    ui.stdin.write(KEYS.escape);
    await until(() => calls.back === 1, 'the second esc leaves the builder');
  });

  it('a locked field is marked "locked" and does not change', async () => {
    const {ui} = open();
    await waitFor(ui, 'purchase');
    expect(lineWith(ui.lastFrame() ?? '', 'purchase')).toMatch(/on-demand locked/);
    while (!lineWith(ui.lastFrame() ?? '', 'purchase').startsWith('›')) await press(ui, KEYS.down);
    const frame = await press(ui, KEYS.right, 'purchase is locked in this level');
    expect(lineWith(frame, ' purchase ')).toContain('on-demand locked');
    expect(frame).toContain('Locked: this level keeps purchase as it starts');
  });

  it('switching the compute kind shows the fields of the new kind with its defaults', async () => {
    const {ui} = open();
    await waitFor(ui, '‹ ec2 ›');
    const frame = await press(ui, KEYS.right, '‹ lambda ›');
    expect(frame).toContain('[web: lambda]');
    expect(lineWith(frame, 'memory')).toContain('128 MB');
    expect(lineWith(frame, 'timeout')).toContain('3 s');
    expect(frame).not.toContain('instance type');
  });

  it('space on a field opens its choice list with the price of each choice; enter picks from it', async () => {
    const {ui} = open();
    await press(ui, KEYS.down, (f) => lineWith(f, 'instance type').startsWith('›'));
    const list = await press(ui, KEYS.space, 'Choose instance type:');
    expect(lineWith(list, 't3.small')).toContain('(now)');
    const now = monthly(await waitFor(ui, '≈ $'));
    expect(lineWith(list, 'Choose instance type:')).toContain(`with this (now ${now})`);
    const next = await press(ui, KEYS.down, (f) => lineWith(f, '›').includes('t3.medium'));
    expect(lineWith(next, 'Choose instance type:')).not.toContain(`≈ ${now}/month with this`);
    const frame = await press(ui, KEYS.enter, (f) => lineWith(f, 'instance type').includes('t3.medium'));
    expect(frame).not.toContain('Choose instance type:');
  });

  it('enter runs the edited build', async () => {
    const {ui, calls} = open();
    await press(ui, KEYS.down);
    await press(ui, KEYS.down);
    await press(ui, KEYS.down, (f) => lineWith(f, 'count').startsWith('›'));
    await press(ui, KEYS.right, (f) => lineWith(f, 'count').includes('‹ 2 ›'));
    ui.stdin.write(KEYS.enter);
    await until(() => calls.run.length === 1, 'onRun is called');
    expect((calls.run[0]?.[0] as Ec2Tier).count).toBe(2);
  });

  it('s saves, q goes back, and ? is left for the game', async () => {
    const seen: string[] = [];
    const {ui, calls} = open(makeLevel(), (input) => seen.push(input));
    await waitFor(ui, 'build');
    await press(ui, 's', 'Save this build as: my-build');
    expect(ui.lastFrame()).toContain('esc  cancel');
    for (let i = 0; i < 'my-build'.length; i++) await press(ui, '\u007F');
    for (const char of 'peak') await press(ui, char);
    await press(ui, KEYS.enter, 'saved as "peak" (l on the briefing loads it)');
    expect(calls.save).toHaveLength(1);
    expect(calls.saveNames).toEqual(['peak']);
    await press(ui, 's', 'Save this build as');
    await press(ui, KEYS.escape, 'not saved');
    expect(calls.save).toHaveLength(1);
    ui.stdin.write('?');
    await until(() => seen.includes('?'), "'?' reaches the game");
    ui.stdin.write('q');
    await until(() => calls.back === 1, 'onBack is called');
  });

  it('f shows each finding in full, most severe first', async () => {
    const {ui} = open(makeLevel({data: {customerData: true}, allow: {compute: ['ec2'], features: ['count', 'multiAz', 'network']}}));
    await waitFor(ui, 'Findings (');
    const frame = await press(ui, 'f', '(1/');
    expect(frame).toMatch(/✗ critical customer-data-in-default-vpc \(1\/\d\): \S/);
    await press(ui, 'f', '(2/');
  });

  it("a finding the level's locks leave (single-az while AZs are locked) is marked the level's, not the player's", async () => {
    const locked = makeLevel({allow: {compute: ['ec2'], features: ['count']}});
    const {ui} = open(locked);
    let frame = await toSmallestTerminal(ui);
    frame = await waitFor(ui, "the level's)");
    expect(lineWith(frame, 'single-az')).toMatch(/– level\s+single-az/);
    expect(lineWith(frame, 'single-az')).not.toContain('warning');
    // Its own findings still come first and keep their severity.
    expect(frame.indexOf('single-instance')).toBeLessThan(frame.indexOf('single-az'));
    while (!(ui.lastFrame() ?? '').includes('single-az (')) await press(ui, 'f');
    expect(ui.lastFrame()).toContain('not yours to fix here');
    // With AZs open, the same finding is the player's warning.
    cleanup();
    const open2 = open(makeLevel());
    frame = await waitFor(open2.ui, 'single-az');
    expect(lineWith(frame, 'single-az')).toMatch(/! warning\s+single-az/);
  });

  it('the root volume is locked unless the level allows storage, even where the instance type is open', async () => {
    // The field row (the estimate also has an "EBS gp3 root volumes" line).
    const rootRow = (frame: string) => frame.split('\n').find((line) => /^[› ] root volume/.test(line)) ?? '';
    const {ui} = open(makeLevel({allow: {compute: ['ec2'], features: ['instanceType', 'count']}}));
    await toSmallestTerminal(ui);
    while (!rootRow(ui.lastFrame() ?? '').startsWith('›')) await press(ui, KEYS.down);
    expect(rootRow(ui.lastFrame() ?? '')).toMatch(/8 GB locked/);
    const frame = await press(ui, KEYS.right, 'root volume is locked');
    expect(rootRow(frame)).toContain('8 GB');
    cleanup();
    const open2 = open(makeLevel({allow: {compute: ['ec2'], features: ['storage']}}));
    while (!rootRow(open2.ui.lastFrame() ?? '').startsWith('›')) await press(open2.ui, KEYS.down);
    const changed = await press(open2.ui, KEYS.right, (f) => !rootRow(f).includes('‹ 8 GB ›'));
    expect(rootRow(changed)).not.toContain('locked');
  });

  it('esc closes a choice list without changing the field', async () => {
    const {ui} = open();
    await press(ui, KEYS.down, (f) => lineWith(f, 'instance type').startsWith('›'));
    await press(ui, KEYS.space, 'Choose instance type:');
    await press(ui, KEYS.down);
    const frame = await press(ui, KEYS.escape, (f) => !f.includes('Choose instance type:'));
    expect(lineWith(frame, 'instance type')).toContain('‹ t3.small ›');
  });

  it('a build the engine cannot run says why, and enter does not run it', async () => {
    const level = makeLevel({
      allow: {compute: ['ecs'], features: ['taskSize', 'instanceType', 'count']},
      start: {tiers: [withDefaults({workload: 'web', compute: 'ecs', launchType: 'ec2', cluster: {instanceType: 'c5.large', count: 1, purchase: 'on-demand'}})]},
    });
    const {ui, calls} = open(level);
    while (!lineWith(ui.lastFrame() ?? '', 'task vCPU').startsWith('›')) await press(ui, KEYS.down);
    for (const vcpu of ['1 vCPU', '2 vCPU', '4 vCPU']) await press(ui, KEYS.right, (f) => lineWith(f, 'task vCPU').includes(vcpu));
    await waitFor(ui, '✗ Cannot run yet:');
    await press(ui, KEYS.enter, 'fix this before running: a task of 4 vCPU');
    expect(calls.run).toEqual([]);
  });

  it('h reveals the hints one at a time', async () => {
    const {ui} = open();
    await waitFor(ui, 'build');
    await press(ui, 'h', 'Hint 1/2: Think about what happens when one AZ goes down.');
    await press(ui, 'h', 'Hint 2/2: A load balancer spreads traffic over AZs.');
  });

  it('Tab moves between the tiers of several workloads', async () => {
    const level = makeLevel({
      workloads: [makeLevel().workloads[0]!, EVENTS],
      start: {tiers: [ec2Tier(), withDefaults({workload: 'thumbs', compute: 'lambda', memoryMb: 512})]},
    });
    const {ui} = open(level);
    await waitFor(ui, '[web: ec2]');
    const frame = await press(ui, KEYS.tab, '[thumbs: lambda]');
    expect(frame).toContain('Serves thumbs: events 5/s (flat) from s3');
    expect(lineWith(frame, 'memory')).toContain('512 MB');
    await press(ui, KEYS.shiftTab, '[web: ec2]');
  });

  it('long locked values are cut so every field stays one row and still says "locked"', async () => {
    const start = ec2Tier({schedule: 'office-hours-hibernate', purchase: 'dedicated-instance', inbound: ['http', 'https', 'ssh-anywhere'], identity: 'instance-profile'});
    const {ui} = open(makeLevel({allow: {compute: ['ec2'], features: ['count']}, start: {tiers: [start]}}));
    await waitFor(ui, 'build');
    await toSmallestTerminal(ui);
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const frame = await press(ui, KEYS.down);
      expect(frame.split('\n').length).toBeLessThanOrEqual(23);
      for (const line of frame.split('\n')) {
        expect([...line].length).toBeLessThanOrEqual(80);
        const label = /^[› ] (schedule|purchase|inbound|identity)\s/.exec(line)?.[1];
        if (label) {
          seen.add(label);
          expect(line).toMatch(/ locked\s/);
        }
      }
      if (seen.size === 4) break;
    }
    expect([...seen].sort()).toEqual(['identity', 'inbound', 'purchase', 'schedule']);
  });

  it('fits 80×24', async () => {
    const {ui} = open();
    await waitFor(ui, 'build');
    await toSmallestTerminal(ui);
    await press(ui, KEYS.down);
    const lines = (ui.lastFrame() ?? '').split('\n');
    expect(lines.length).toBeLessThanOrEqual(23);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
  });
});

describe('builder screen on the shipped levels', () => {
  it('a long workload line (a job and its deadline) wraps instead of losing its end', async () => {
    const campaign = loadCampaign();
    if (!campaign.ok) throw new Error('the shipped campaign does not load');
    const level = campaign.value.levels.find((l) => l.workloads.some((w) => w.kind === 'jobs'));
    if (!level) throw new Error('no shipped level has a job');
    const {ui} = open(level);
    await waitFor(ui, 'Serves ');
    await toSmallestTerminal(ui);
    const frame = await press(ui, KEYS.down);
    expect(frame.split('\n').length).toBeLessThanOrEqual(23);
    const job = level.workloads.find((w) => w.kind === 'jobs');
    expect(frame.replace(/\s*\n\s*/g, ' ')).toContain(`deadline ${job?.kind === 'jobs' ? job.deadlineMinutes : ''} min`);
    for (const row of frame.split('\n')) expect([...row].length).toBeLessThanOrEqual(80);
  });
});

describe('builder: the Auto Scaling group health-check type', () => {
  it('shows "health check" only for a group, and → changes ec2 (the AWS default) to elb', async () => {
    const group = ec2Tier({scaling: {min: 2, max: 4, targetCpu: 0.6}, azs: ['a', 'b'], loadBalancer: 'alb'});
    const {ui} = open(makeLevel({start: {tiers: [group]}}));
    let frame = await waitFor(ui, 'health check');
    expect(lineWith(frame, 'health check')).toContain('ec2');
    for (let i = 0; i < 20 && !lineWith(frame, 'health check').startsWith('›'); i++) frame = await press(ui, KEYS.down);
    expect(lineWith(frame, 'health check').startsWith('›')).toBe(true);
    frame = await press(ui, KEYS.right, (f) => lineWith(f, 'health check').includes('elb'));
    expect(lineWith(frame, 'health check')).toContain('elb');
  });

  it('a fixed count has no health-check field (it is not a group)', async () => {
    const {ui} = open();
    const frame = await waitFor(ui, 'Stay Up — build');
    expect(frame).not.toContain('health check');
  });
});
