-- Each journal entry keeps the server's signed statement of its chain's head at that entry
-- (Ed25519, the compact form of a receipt), over a canonical, length-prefixed hash of its
-- fields. Entries written before have none: at its first start the server re-encodes and
-- signs every chain whose old hashes still hold, and leaves a broken one as it is.
ALTER TABLE journal ADD COLUMN signed_head TEXT;
