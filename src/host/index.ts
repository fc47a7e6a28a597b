// A live classroom host (issue #13): `rightsize host` serves one challenge on the lab network, keeps the event in
// SQLite, re-scores every upload with the classroom library, and streams the board to a projector page.
// The student side (join, send, offline queue) is in client.ts; it never loads the server or better-sqlite3.
export {startHost, DEFAULT_RATES, MAX_BODY_BYTES, MAX_STREAMS, type HostOptions, type RunningHost} from './server.js';
export {LiveEvent, MAX_BACKLOG, type EventOptions, type EventStatus, type JoinInfo, type LogEntry, type Outcome} from './event.js';
export {EventStorage, DATABASE_FILE, RAW_DIR} from './storage.js';
export {newJoinCode, newToken, JOIN_CODE, TOKEN} from './tokens.js';
