-- The digest reads subscriptions in id order (sorting 800,000 rows by condition_key cost H2 a disk sort; docs/performance.md):
-- the index on (status, frequency, condition_key) of V18 is read by nothing and only slows every insert.
DROP INDEX alert_subscription_conditions_idx;
