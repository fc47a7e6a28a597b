// The host's HTTP side (hono on Node's http server): routes, limits and the live stream. Every rule about what a
// request may do is in event.ts; this file turns requests into calls and outcomes into responses.
//
//   GET  /                          the projector page (app.js, app.css beside it)
//   GET  /api/board                 the board as `leaderboard --json` prints it (frozen while the board is frozen)
//   GET  /api/status                players, submissions, frozen / closed / revealed
//   GET  /api/stream                server-sent events: {status, board} at once and at every change
//   GET  /api/seeds                 the private seeds, once revealed
//   GET  /CODE                      what a student's game needs to play (JSON; a short page for a browser)
//   POST /CODE/submissions          a submission file's text; `Authorization: Bearer TOKEN` after the first
//   POST /api/teacher/freeze | unfreeze | close | reveal, DELETE /api/teacher/players/NAME,
//   GET  /api/teacher/board | export.json | export.csv          all with `Authorization: Bearer TEACHER-TOKEN`
import type {AddressInfo} from 'node:net';
import {networkInterfaces} from 'node:os';
import {serve, type ServerType} from '@hono/node-server';
import {getConnInfo} from '@hono/node-server/conninfo';
import {Hono, type Context} from 'hono';
import {bodyLimit} from 'hono/body-limit';
import {streamSSE} from 'hono/streaming';
import {leaderboardJson} from '../classroom/index.js';
import {LiveEvent, type EventOptions, type LogEntry, type Outcome} from './event.js';
import {joinPage, PAGE_CSS, PAGE_HTML, PAGE_JS} from './page.js';
import {rateLimiter, type RateRule} from './rate-limit.js';
import {bearer, JOIN_CODE, tokenMatches, tokenHash} from './tokens.js';

/** A submission file is a few kilobytes; 256 KiB is far more than any real one and caps what is read before parsing. */
export const MAX_BODY_BYTES = 256 * 1024;
/** Live streams open at once (a projector and a few teachers' laptops, not every student). */
export const MAX_STREAMS = 200;
const STREAM_KEEPALIVE_MS = 15_000;

export const DEFAULT_RATES: Record<'submit' | 'read' | 'teacher', RateRule> = {
  submit: {perMinute: 30, burst: 10},
  read: {perMinute: 240, burst: 60},
  teacher: {perMinute: 120, burst: 30},
};

export interface HostOptions extends EventOptions {
  port: number;
  /** The address to listen on (default 0.0.0.0: the lab network). */
  bind?: string;
  /** Submissions per minute per address (0: no limit; a room behind one NAT address needs more). */
  submitPerMinute?: number;
  /** What the join URL starts with, when students reach the host by another name (a tunnel, a DNS name). */
  publicUrl?: string;
}

export interface RunningHost {
  event: LiveEvent;
  /** http://ADDRESS:PORT */
  url: string;
  joinUrl: string;
  teacherToken: string;
  port: number;
  /** Other addresses students may use (every IPv4 address of this machine). */
  otherUrls: string[];
  onLog(listener: (entry: LogEntry) => void): () => void;
  stop(): Promise<void>;
}

function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address);
  return out;
}

function json(c: Context, outcome: Outcome): Response {
  return c.json(outcome.body, outcome.status as 200);
}

function errorBody(error: string, message: string) {
  return {error, message};
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const event = await LiveEvent.open(options);
  const teacherHash = tokenHash(event.teacherToken);
  const limits = rateLimiter({...DEFAULT_RATES, submit: {perMinute: options.submitPerMinute ?? DEFAULT_RATES.submit.perMinute, burst: Math.max(DEFAULT_RATES.submit.burst, Math.ceil((options.submitPerMinute ?? 0) / 6))}});
  const logListeners = new Set<(entry: LogEntry) => void>();
  const log = (text: string) => {
    for (const listener of logListeners) listener({at: new Date().toISOString(), text});
  };
  event.onLog((entry) => {
    for (const listener of logListeners) listener(entry);
  });

  const app = new Hono();
  const address = (c: Context) => {
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'unknown';
    }
  };
  const limited = (kind: 'submit' | 'read' | 'teacher') => async (c: Context, next: () => Promise<void>) => {
    const wait = limits.take(address(c), kind);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return c.json(errorBody('rate-limited', `too many requests from this address: wait ${wait} s`), 429);
    }
    await next();
    return undefined;
  };
  // The rest of an oversized body is never read, so the connection closes after the answer: say so, so clients do not reuse it.
  const capped = bodyLimit({maxSize: MAX_BODY_BYTES, onError: (c) => c.json(errorBody('oversized', `the body is over ${MAX_BODY_BYTES / 1024} KiB; a submission file is a few KiB`), 413, {Connection: 'close'})});
  const teacher = async (c: Context, next: () => Promise<void>) => {
    const token = bearer(c.req.header('authorization'));
    if (token === undefined) return c.json(errorBody('teacher-token-required', 'send the teacher token that `rightsize host` printed: Authorization: Bearer TOKEN'), 401);
    if (!tokenMatches(token, teacherHash)) {
      log(`teacher action refused from ${address(c)}: wrong token`);
      return c.json(errorBody('wrong-teacher-token', 'that is not this event’s teacher token'), 403);
    }
    await next();
    return undefined;
  };

  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cache-Control', 'no-store');
  });
  app.onError((error, c) => {
    log(`error on ${c.req.method} ${c.req.path}: ${error.message}`);
    return c.json(errorBody('internal', 'the host could not answer this request; it keeps running'), 500);
  });
  app.notFound((c) => c.json(errorBody('not-found', `nothing at ${c.req.path}: a student joins at /JOIN-CODE, the board is at /`), 404));

  app.get('/', limited('read'), (c) => {
    c.header('Content-Security-Policy', "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    return c.html(PAGE_HTML);
  });
  app.get('/app.js', (c) => c.body(PAGE_JS, 200, {'Content-Type': 'text/javascript; charset=utf-8'}));
  app.get('/app.css', (c) => c.body(PAGE_CSS, 200, {'Content-Type': 'text/css; charset=utf-8'}));
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('/api/board', limited('read'), (c) => c.body(leaderboardJson(event.publicBoard()), 200, {'Content-Type': 'application/json; charset=utf-8'}));
  app.get('/api/status', limited('read'), (c) => c.json(event.status()));
  app.get('/api/seeds', limited('read'), (c) => {
    const seeds = event.seeds();
    return seeds ? c.json(seeds) : c.json(errorBody('not-revealed', 'the teacher reveals the private seeds after the event closes'), 409);
  });

  let streams = 0;
  const stops = new Set<() => void>();
  app.get('/api/stream', limited('read'), (c) => {
    if (streams >= MAX_STREAMS) return c.json(errorBody('busy', `${MAX_STREAMS} live views are open already; reload /api/board instead`), 503);
    streams++;
    return streamSSE(c, async (stream) => {
      let wake: (() => void) | undefined;
      let dirty = true;
      const off = event.onChange(() => {
        dirty = true;
        wake?.();
      });
      const stop = () => {
        stream.abort();
        wake?.();
      };
      stops.add(stop);
      stream.onAbort(() => wake?.());
      try {
        while (!stream.aborted) {
          if (dirty) {
            dirty = false;
            await stream.writeSSE({event: 'board', data: JSON.stringify({status: event.status(), board: event.publicBoard()})});
          }
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, STREAM_KEEPALIVE_MS);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = undefined;
          if (!dirty && !stream.aborted) await stream.write(': keep-alive\n\n');
        }
      } finally {
        off();
        stops.delete(stop);
        streams--;
      }
    });
  });

  const teacherApi = new Hono();
  teacherApi.use('*', limited('teacher'), teacher);
  teacherApi.post('/freeze', async (c) => json(c, await event.freeze()));
  teacherApi.post('/unfreeze', async (c) => json(c, await event.unfreeze()));
  teacherApi.post('/close', (c) => json(c, event.close()));
  teacherApi.post('/reveal', (c) => json(c, event.reveal()));
  teacherApi.delete('/players/:name', async (c) => json(c, await event.removePlayer(decodeURIComponent(c.req.param('name')))));
  teacherApi.get('/board', (c) => c.body(event.exportJson(), 200, {'Content-Type': 'application/json; charset=utf-8'}));
  teacherApi.get('/export.json', (c) => c.body(event.exportJson(), 200, {'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': `attachment; filename="${event.status().challenge}.json"`}));
  teacherApi.get('/export.csv', (c) => c.body(event.exportCsv(), 200, {'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${event.status().challenge}.csv"`}));
  app.route('/api/teacher', teacherApi);

  const wrongCode = (c: Context) => c.json(errorBody('wrong-code', 'no event has this join code: check the URL on the projector'), 404);
  app.get('/:code', limited('read'), (c) => {
    const code = c.req.param('code') ?? '';
    if (!JOIN_CODE.test(code) || code !== event.joinCode) return wrongCode(c);
    if ((c.req.header('accept') ?? '').includes('text/html')) return c.html(joinPage(new URL(c.req.url).origin, code, event.status().title));
    return c.json(event.joinInfo());
  });
  app.post('/:code/submissions', limited('submit'), capped, async (c) => {
    const code = c.req.param('code') ?? '';
    if (!JOIN_CODE.test(code) || code !== event.joinCode) return wrongCode(c);
    const body = await c.req.text();
    return json(c, await event.submit(body, bearer(c.req.header('authorization')), address(c)));
  });

  const bind = options.bind ?? '0.0.0.0';
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({fetch: app.fetch, port: options.port, hostname: bind}, () => resolve(s));
    s.once('error', reject);
  }).catch(async (error: unknown) => {
    await event.stop();
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'EADDRINUSE' ? `port ${options.port} is in use on ${bind}: stop what uses it, or pick another with --port` : code === 'EACCES' ? `this user may not listen on port ${options.port}: pick one above 1023 with --port` : `cannot listen on ${bind}:${options.port}: ${(error as Error).message}`);
  });
  // A slow client cannot hold a connection open by sending its request a byte at a time.
  const http = server as import('node:http').Server;
  http.requestTimeout = 30_000;
  http.headersTimeout = 15_000;
  const port = (server.address() as AddressInfo).port;
  const hostFor = (a: string) => (a.includes(':') ? `[${a}]` : a);
  const lan = bind === '0.0.0.0' || bind === '::' ? lanAddresses() : [bind];
  const urls = (lan.length > 0 ? lan : ['127.0.0.1']).map((a) => `http://${hostFor(a)}:${port}`);
  const url = options.publicUrl?.replace(/\/+$/, '') ?? (urls[0] as string);
  return {
    event,
    url,
    joinUrl: `${url}/${event.joinCode}`,
    teacherToken: event.teacherToken,
    port,
    otherUrls: urls.filter((u) => u !== url),
    onLog(listener) {
      logListeners.add(listener);
      return () => logListeners.delete(listener);
    },
    async stop() {
      for (const stop of stops) stop();
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      });
      await event.stop();
    },
  };
}
