// npm run bench, the live host: the built binary (`rightsize host`, as a teacher runs it) on loopback, 100
// concurrent clients sending 2,000 submissions of the shipped first level (3 private seeds; eight distinct builds,
// as a class's converge). Prints the p50/p95/max acknowledgement time (the ack comes after the submission is
// durable and re-scored) and submissions per second.
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {availableParallelism, loadavg, tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {makeChallenge} from '../src/classroom/index.js';
import {challengeToYaml, loadCampaign} from '../src/content/index.js';
import {percentile, runLoad} from '../test/host/load.js';

const CLIENTS = 100;
const SUBMISSIONS = 2000;
const campaign = loadCampaign();
if (!campaign.ok) throw new Error('the shipped campaign does not load');
const level = campaign.value.levels[0];
if (!level) throw new Error('no level');

const dir = mkdtempSync(join(tmpdir(), 'rightsize-bench-host-'));
const challenge = makeChallenge({id: 'bench', title: 'Benchmark', levels: [{level}], publicSeed: 1, privateSeeds: [11, 22, 33]});
const file = join(dir, 'bench.teacher.yaml');
writeFileSync(file, challengeToYaml(challenge));
const cli = resolve(import.meta.dirname, '..', 'dist', 'cli.js');
const host = spawn(process.execPath, [cli, 'host', '--challenge', file, '--data', join(dir, 'event'), '--port', '0', '--bind', '127.0.0.1', '--submit-rate', '0'], {stdio: ['ignore', 'pipe', 'inherit'], env: {...process.env, RIGHTSIZE_HOME: join(dir, 'home')}});
try {
  const joinUrl = await new Promise<string>((done, fail) => {
    let out = '';
    host.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /^join: (\S+)$/m.exec(out)?.[1];
      if (url) done(url);
    });
    host.once('exit', (code) => fail(new Error(`rightsize host exited (${code})`)));
  });
  const result = await runLoad({joinUrl, challengeId: challenge.id, level, clients: CLIENTS, total: SUBMISSIONS});
  const ms = result.acked.map((a) => a.ms);
  console.log(`live host: ${CLIENTS} clients, ${SUBMISSIONS.toLocaleString('en-US')} submissions of '${level.id}' × 3 private seeds, loopback (${availableParallelism()} cores, load ${loadavg()[0]?.toFixed(2)})`);
  console.log(`  acknowledged ${result.acked.length}, refused ${result.failures.length}, dropped ${result.dropped}`);
  console.log(`  ack time p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms`);
  console.log(`  ${(result.acked.length / result.seconds).toFixed(0)} submissions/s (${result.seconds.toFixed(1)} s in all)`);
} finally {
  host.kill('SIGTERM');
  await new Promise((done) => host.once('exit', done));
  rmSync(dir, {recursive: true, force: true});
}
