// rightsize catalog [--json]: what the game knows and charges, from the catalog the simulation bills from.
import {describe, expect, it} from 'vitest';
import {CATALOG} from '../../src/engine/index.js';
import {memoryRange, type CatalogListing} from '../../src/cli/commands/catalog.js';
import {useCli} from './run.js';

const cli = useCli();

describe('rightsize catalog', () => {
  it('lists every instance type, every Fargate vCPU size and the Lambda limits, within 80 columns', () => {
    const run = cli.run(['catalog']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const name of Object.keys(CATALOG.instanceTypes)) expect(run.stdout).toMatch(new RegExp(`^  ${name.replace('.', '\\.')} `, 'm'));
    expect(run.stdout).toContain('t3.small    x86      2    2 GiB  $0.0208   $15.18  burstable, baseline 20%');
    expect(run.stdout).toMatch(/^ {5}1 {2}2–8 GB in 1 GB steps +\$0\.0494–\$0\.0760$/m);
    expect(run.stdout).toContain('Memory 128–10,240 MB (1,769 MB = 1 vCPU); timeout up to 900 s');
    expect(run.stdout).toContain('NAT gateway data processed');
    const long = run.stdout.split('\n').filter((line) => [...line].length > 80);
    expect(long).toEqual([]);
  });

  it('--json gives the documented shape, with derived prices and each source', () => {
    const run = cli.run(['catalog', '--json']);
    expect(run.status).toBe(0);
    const listing = JSON.parse(run.stdout) as CatalogListing;
    expect(Object.keys(listing)).toEqual(['region', 'currency', 'retrieved', 'hoursPerMonth', 'instanceTypes', 'purchaseOptions', 'fargate', 'lambda', 'other']);
    expect(listing.instanceTypes).toHaveLength(Object.keys(CATALOG.instanceTypes).length);
    const small = listing.instanceTypes.find((t) => t.name === 't3.small');
    expect(small).toMatchObject({family: 't3', arch: 'x86', vcpu: 2, memoryGiB: 2, usdPerHour: 0.0208, usdPerMonth: 15.184, burst: {baselinePerVcpu: 0.2}, hibernation: true});
    expect(small?.source.url).toMatch(/^https:\/\/aws\.amazon\.com\//);
    expect(listing.instanceTypes.find((t) => t.name === 'm5.large')?.burst).toBeNull();
    const sizes = CATALOG.fargate.combos.reduce((n, c) => n + c.memoryGb.length, 0);
    expect(listing.fargate.sizes).toHaveLength(sizes);
    expect(listing.fargate.sizes.find((s) => s.vcpu === 1 && s.memoryGb === 2)).toEqual({vcpu: 1, memoryGb: 2, x86UsdPerHour: 0.04937, armUsdPerHour: 0.03950});
    expect(listing.lambda).toMatchObject({memoryMbMin: 128, memoryMbMax: 10240, timeoutSecondsMax: 900, defaultConcurrencyLimit: 1000});
    expect(listing.other.map((o) => o.item)).toContain('EKS cluster');
  });
});

describe('memoryRange', () => {
  it.each([
    ['few values listed', [0.5, 1, 2], '0.5, 1, 2 GB'],
    ['even steps as a range', [2, 3, 4, 5, 6, 7, 8], '2–8 GB in 1 GB steps'],
    ['4 GB steps', [16, 20, 24, 28, 32], '16–32 GB in 4 GB steps'],
    ['uneven steps listed', [1, 2, 4, 8, 16], '1, 2, 4, 8, 16 GB'],
    ['empty', [], '—'],
  ])('%s', (_name, values, text) => {
    expect(memoryRange(values)).toBe(text);
  });
});
