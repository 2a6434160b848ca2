-- The demo outbox is read by the structure manager of the structure whose mediator sent
-- the code, and by no one else: each message remembers that structure. Messages sent
-- before this column existed get it from the code they carried (same person, same time).
ALTER TABLE outbox ADD COLUMN structure_id TEXT REFERENCES structure(id);

UPDATE outbox SET structure_id = (
  SELECT min(m.structure_id) FROM contact_challenge ch JOIN mediator m ON m.id = ch.mediator_id
  WHERE ch.person_id = outbox.person_id AND ch.created_at = outbox.created_at
);
