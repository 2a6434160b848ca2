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

-- Failed attempts counted per subject: a login typed (hashed, known or not, so that a
-- lockout tells nothing about which accounts exist), a person, a mediator.
CREATE TABLE throttle (
  subject TEXT PRIMARY KEY,
  failures BIGINT NOT NULL,
  window_start TEXT NOT NULL,
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
  deleted_on TEXT,
  -- The one-time code of the letter or e-mail that announced the space (hashed).
  activation_code_hash TEXT,
  activation_code_expires_on TEXT,
  -- The state a suspension interrupted, restored when the operator lifts it.
  state_before_suspension TEXT
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
  proofs TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);

-- A one-time code sent to the contact the insurer holds; the outbox is what was "sent".
CREATE TABLE contact_challenge (
  id TEXT PRIMARY KEY,
  mediator_id TEXT NOT NULL REFERENCES mediator(id),
  person_id TEXT NOT NULL REFERENCES person(id),
  identification_id TEXT,
  code_hash TEXT NOT NULL,
  channel TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);

CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES person(id),
  channel TEXT NOT NULL,
  destination TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE consent (
  id TEXT PRIMARY KEY,
  identification_id TEXT NOT NULL REFERENCES identification(id),
  mediator_id TEXT NOT NULL REFERENCES mediator(id),
  structure_id TEXT NOT NULL REFERENCES structure(id),
  person_id TEXT NOT NULL REFERENCES person(id),
  acting_as TEXT NOT NULL,
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
  acting_as TEXT NOT NULL,
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

-- Signed receipts and statements: what the person takes home, verifiable by anyone.
CREATE TABLE receipt (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES person(id),
  consent_id TEXT REFERENCES consent(id),
  kind TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  signed TEXT NOT NULL
);

CREATE TABLE document (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES person(id),
  category TEXT NOT NULL,
  title TEXT NOT NULL,
  created_on TEXT NOT NULL,
  hidden_from_representatives BIGINT NOT NULL DEFAULT 0,
  content_base64 TEXT NOT NULL
);

-- One row per section of the medical profile; version grows with every write (the ETag).
CREATE TABLE profile_section (
  person_id TEXT NOT NULL REFERENCES person(id),
  section TEXT NOT NULL,
  version BIGINT NOT NULL,
  content TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (person_id, section)
);
