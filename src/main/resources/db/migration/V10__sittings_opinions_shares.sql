-- An identification lives inside its sitting: the mediator's session it was made in, and
-- when the sitting ended (end of sitting, logout). A consent needs one still open.
ALTER TABLE identification ADD COLUMN session_hash TEXT;
ALTER TABLE identification ADD COLUMN ended_at TEXT;

-- A tutor (tutelle) records that the protected person's opinion was asked (1), or not (0);
-- NULL when it does not apply.
ALTER TABLE consent ADD COLUMN person_opinion_asked BIGINT;

-- The share of a child's profile with the second legal representative: PENDING until
-- answered (ACCEPTED, REFUSED) or expired, ENDED when the first parent ends it.
CREATE TABLE profile_share (
  id TEXT PRIMARY KEY,
  child_id TEXT NOT NULL REFERENCES person(id),
  inviter_id TEXT NOT NULL REFERENCES person(id),
  invitee_id TEXT NOT NULL REFERENCES person(id),
  status TEXT NOT NULL,
  invited_on TEXT NOT NULL,
  answered_on TEXT,
  ended_on TEXT
);
