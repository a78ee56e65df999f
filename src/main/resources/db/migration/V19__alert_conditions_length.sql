-- A search's text may be 200 characters, 1,800 once percent-encoded in the canonical conditions: room for it and
-- every filter value (AlertConditions refuses longer conditions with a message).
ALTER TABLE alert_subscription ALTER COLUMN conditions SET DATA TYPE VARCHAR(4000);
