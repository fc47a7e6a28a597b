// The fields of a Lambda tier: memory (which also sets its CPU share), timeout (at most 15 minutes),
// architecture, runtime, trigger, and concurrency.
import {CATALOG, ARCHITECTURES, RUNTIMES, TRIGGERS, type LambdaTier} from '../../engine/index.js';
import {computeField, numbers, words} from './common-fields.js';
import {
  LAMBDA_MEMORY_MB_STEPS,
  LAMBDA_TIMEOUT_SECONDS_STEPS,
  MAX_RESERVED_CONCURRENCY,
  PROVISIONED_CONCURRENCY_STEPS,
  RESERVED_CONCURRENCY_STEPS,
  withCurrent,
} from './field-values.js';
import {erase, type ChoiceField, type Field} from './field-types.js';

function vocabField<K extends 'architecture' | 'runtime' | 'trigger'>(key: K, values: readonly LambdaTier[K][], label: string, help: string): ChoiceField<LambdaTier> {
  return {
    kind: 'choice',
    id: key,
    label,
    gate: 'lambdaConfig',
    help,
    options: () => words(values),
    get: (tier) => tier[key],
    set: (draft, value) => {
      const found = values.find((v) => v === value);
      if (found !== undefined) draft[key] = found;
    },
  };
}

const memoryDetail = (mb: number): string => (mb === CATALOG.lambda.mbPerVcpu ? '1 full vCPU' : `${(mb / CATALOG.lambda.mbPerVcpu).toFixed(2)} vCPU share`);

const lambdaFields: Field<LambdaTier>[] = [
  computeField as unknown as ChoiceField<LambdaTier>,
  {
    kind: 'choice',
    id: 'memoryMb',
    label: 'memory',
    gate: 'lambdaConfig',
    help: `Memory also buys CPU: ${CATALOG.lambda.mbPerVcpu} MB is one full vCPU. Billed in GB-seconds.`,
    options: (tier) => withCurrent(LAMBDA_MEMORY_MB_STEPS, tier.memoryMb).map((mb) => ({value: mb, label: `${mb} MB`, detail: memoryDetail(mb)})),
    get: (tier) => tier.memoryMb,
    set: (draft, value) => {
      if (typeof value === 'number') draft.memoryMb = value;
    },
  },
  {
    kind: 'choice',
    id: 'timeoutSeconds',
    label: 'timeout',
    gate: 'lambdaConfig',
    help: `A function is stopped after its timeout, at most ${CATALOG.lambda.timeoutSecondsMax} s (15 minutes): longer work needs containers or EC2.`,
    options: (tier) =>
      numbers(
        withCurrent(LAMBDA_TIMEOUT_SECONDS_STEPS, tier.timeoutSeconds).filter((s) => s <= Math.max(CATALOG.lambda.timeoutSecondsMax, tier.timeoutSeconds)),
        (s) => `${s} s`,
      ),
    get: (tier) => tier.timeoutSeconds,
    set: (draft, value) => {
      if (typeof value === 'number') draft.timeoutSeconds = value;
    },
  },
  vocabField('architecture', ARCHITECTURES, 'architecture', 'arm (Graviton) functions cost about 20% less per GB-second than x86 ones.'),
  vocabField('runtime', RUNTIMES, 'runtime', 'The language runtime: it sets how long a cold start (a new environment) takes.'),
  vocabField('trigger', TRIGGERS, 'trigger', 'What invokes the function: an HTTP API, S3 uploads, an SQS queue, or a schedule.'),
  {
    kind: 'choice',
    id: 'reservedConcurrency',
    label: 'concurrency',
    gate: 'concurrency',
    help: `Reserved concurrency guarantees (and caps) this function's environments; unreserved shares the account's ${CATALOG.lambda.defaultConcurrencyLimit}.`,
    options: (tier) => [
      {value: null, label: 'unreserved', detail: `shares the account's ${CATALOG.lambda.defaultConcurrencyLimit}`},
      ...withCurrent(RESERVED_CONCURRENCY_STEPS, tier.reservedConcurrency ?? MAX_RESERVED_CONCURRENCY).map((n) => ({value: n, label: `${n} reserved`})),
    ],
    get: (tier) => tier.reservedConcurrency ?? null,
    set: (draft, value) => {
      if (value === null) delete draft.reservedConcurrency;
      else if (typeof value === 'number') {
        draft.reservedConcurrency = value;
        draft.provisionedConcurrency = Math.min(draft.provisionedConcurrency, value);
      }
    },
  },
  {
    kind: 'choice',
    id: 'provisionedConcurrency',
    label: 'provisioned',
    gate: 'concurrency',
    help: 'Provisioned concurrency keeps environments initialised (no cold starts) and bills them all the time.',
    options: (tier) =>
      numbers(
        withCurrent(PROVISIONED_CONCURRENCY_STEPS, tier.provisionedConcurrency).filter((n) => n <= (tier.reservedConcurrency ?? MAX_RESERVED_CONCURRENCY) || n === tier.provisionedConcurrency),
        (n) => `${n} warm`,
      ),
    get: (tier) => tier.provisionedConcurrency,
    set: (draft, value) => {
      if (typeof value === 'number') draft.provisionedConcurrency = value;
    },
  },
];

export const LAMBDA_FIELDS: Field[] = erase(lambdaFields);
