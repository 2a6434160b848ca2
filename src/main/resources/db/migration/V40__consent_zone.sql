-- The counter's time zone, as the kiosk or the command line gave it with the consent (null when it
-- did not): every receipt of the consent carries it, so that paper and verification page agree.
ALTER TABLE consent ADD COLUMN zone TEXT;
