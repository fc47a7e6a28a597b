// Live events a player has joined (`play --join`, `submit --to`): the token each player name got from the host, and
// the submissions not yet delivered (the offline queue). Kept in the progress file's optional `hosts` section
// (formatVersion 2 is an open schema: older files simply have none, and older builds keep the section as it is).
// The submissions themselves wait in <dataDir>/events/<host>/submissions/<player>.json.
import {join} from 'node:path';
import {z} from 'zod';
import {dataDir, safeSlotName} from './paths.js';
import type {Progress} from './progress-schema.js';

/** At most this many events are remembered; the oldest are forgotten first. */
export const MAX_JOINED_EVENTS = 50;

const playerSchema = z.looseObject({
  name: z.string().min(1).max(60),
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});

export const hostEntrySchema = z.looseObject({
  challenge: z.string().max(64),
  joinedAt: z.iso.datetime(),
  /** By player key (name without case or spacing). */
  players: z.record(z.string().max(80), playerSchema),
  /** Players (key → name) whose latest submission has not reached the host yet. */
  pending: z.record(z.string().max(80), z.string().min(1).max(60)),
});

/** The `hosts` section: by join URL. An unusable section is dropped, never the rest of the file. */
export const hostsSchema = z.record(z.string().max(300), hostEntrySchema);

export type HostEntry = z.output<typeof hostEntrySchema>;
export type Hosts = z.output<typeof hostsSchema>;

export function hostsOf(progress: Progress): Hosts {
  const parsed = hostsSchema.safeParse((progress as Record<string, unknown>)['hosts']);
  return parsed.success ? parsed.data : {};
}

function withHosts(progress: Progress, hosts: Hosts): Progress {
  const entries = Object.entries(hosts).sort(([, a], [, b]) => (a.joinedAt < b.joinedAt ? 1 : -1));
  return {...progress, hosts: Object.fromEntries(entries.slice(0, MAX_JOINED_EVENTS))} as Progress;
}

/** The event's entry, created when first seen (pure). */
export function joinHost(progress: Progress, joinUrl: string, challenge: string, now: Date): Progress {
  const hosts = hostsOf(progress);
  if (hosts[joinUrl]) return progress;
  return withHosts(progress, {...hosts, [joinUrl]: {challenge, joinedAt: now.toISOString(), players: {}, pending: {}}});
}

export function tokenFor(progress: Progress, joinUrl: string, playerKey: string): string | undefined {
  return hostsOf(progress)[joinUrl]?.players[playerKey]?.token;
}

function changeEntry(progress: Progress, joinUrl: string, change: (entry: HostEntry) => HostEntry): Progress {
  const hosts = hostsOf(progress);
  const entry = hosts[joinUrl];
  return entry ? withHosts(progress, {...hosts, [joinUrl]: change(entry)}) : progress;
}

export function rememberToken(progress: Progress, joinUrl: string, playerKey: string, name: string, token: string): Progress {
  return changeEntry(progress, joinUrl, (e) => ({...e, players: {...e.players, [playerKey]: {name, token}}}));
}

export function markPending(progress: Progress, joinUrl: string, playerKey: string, name: string, pending: boolean): Progress {
  return changeEntry(progress, joinUrl, (e) => {
    const rest = Object.fromEntries(Object.entries(e.pending).filter(([k]) => k !== playerKey));
    return {...e, pending: pending ? {...rest, [playerKey]: name} : rest};
  });
}

/** Where the player's copy of a joined event lives: <dataDir>/events/<host-port-code>/. */
export function joinedEventDir(joinUrl: string): string {
  const url = new URL(joinUrl);
  return join(dataDir(), 'events', safeSlotName(`${url.hostname}-${url.port || (url.protocol === 'https:' ? '443' : '80')}-${url.pathname.replace(/\//g, '')}`));
}

export function joinedSubmissionPath(joinUrl: string, player: string): string {
  return join(joinedEventDir(joinUrl), 'submissions', `${safeSlotName(player)}.json`);
}
