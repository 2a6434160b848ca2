-- One schema for SQLite and PostgreSQL: TEXT ids, ISO-8601 TEXT instants and dates,
-- BIGINT counters. No engine-specific types or functions.

CREATE TABLE structure (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL
);

CREATE TABLE mediator (
  id TEXT PRIMARY KEY,
  structure_id TEXT NOT NULL REFERENCES structure(id),
  login TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  totp_secret TEXT NOT NULL,
  totp_last_step BIGINT NOT NULL DEFAULT 0
);

-- Failed logins are counted per login typed, known or not, so that a lockout
-- tells nothing about which accounts exist.
CREATE TABLE login_throttle (
  login_hash TEXT PRIMARY KEY,
  failures BIGINT NOT NULL,
  locked_until TEXT
);

CREATE TABLE mediator_session (
  token_hash TEXT PRIMARY KEY,
  mediator_id TEXT NOT NULL REFERENCES mediator(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  ended_at TEXT
);

CREATE TABLE person (
  id TEXT PRIMARY KEY,
  ins_oid TEXT NOT NULL,
  nir TEXT NOT NULL UNIQUE,
  birth_date TEXT NOT NULL,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  vitale_serial TEXT,
  email TEXT,
  phone TEXT,
  language TEXT,
  state TEXT NOT NULL,
  information_sent_on TEXT,
  closed_on TEXT,
  deletion_requested_on TEXT,
  deleted_on TEXT
);

CREATE TABLE representation (
  id TEXT PRIMARY KEY,
  representative_id TEXT NOT NULL REFERENCES person(id),
  represented_id TEXT NOT NULL REFERENCES person(id),
  kind TEXT NOT NULL,
  status TEXT NOT NULL
);

CREATE TABLE identification (
  id TEXT PRIMARY KEY,
  mediator_id TEXT NOT NULL REFERENCES mediator(id),
  person_id TEXT NOT NULL REFERENCES person(id),
  method TEXT NOT NULL,
  strength TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);

CREATE TABLE consent (
  id TEXT PRIMARY KEY,
  identification_id TEXT NOT NULL REFERENCES identification(id),
  mediator_id TEXT NOT NULL REFERENCES mediator(id),
  structure_id TEXT NOT NULL REFERENCES structure(id),
  person_id TEXT NOT NULL REFERENCES person(id),
  scopes TEXT NOT NULL,
  duration_minutes BIGINT NOT NULL,
  language TEXT NOT NULL,
  text_version TEXT NOT NULL,
  person_confirmed BIGINT NOT NULL,
  mediator_attested BIGINT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE delegation (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  consent_id TEXT NOT NULL REFERENCES consent(id),
  mediator_id TEXT NOT NULL REFERENCES mediator(id),
  structure_id TEXT NOT NULL REFERENCES structure(id),
  person_id TEXT NOT NULL REFERENCES person(id),
  session_hash TEXT NOT NULL,
  scopes TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
);

CREATE TABLE journal (
  chain TEXT NOT NULL,
  seq BIGINT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  structure_id TEXT,
  consent_id TEXT,
  action TEXT NOT NULL,
  outcome TEXT NOT NULL,
  detail TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (chain, seq)
);

-- The key is stored hashed and the response encrypted with a key derived from it:
-- a replay needs the client's key, and the file alone reveals no delegation token.
CREATE TABLE idempotency (
  principal TEXT NOT NULL,
  key_hash TEXT NOT NULL,
  route TEXT NOT NULL,
  body_hash TEXT NOT NULL,
  status BIGINT NOT NULL,
  response TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (principal, key_hash)
);

CREATE TABLE statement (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES person(id),
  consent_id TEXT NOT NULL REFERENCES consent(id),
  kind TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  signed TEXT NOT NULL
);
