-- The housekeeping at every look of the digest job: subscriptions due to be asked to renew (confirmed, not asked,
-- confirmed before a year ago) and those asked and not renewed (asked before the grace period). Without an index both
-- read every confirmed subscription (0.6 s of CPU at a million, every tick; docs/performance.md).
CREATE INDEX alert_subscription_renew_idx ON alert_subscription (status, renew_asked_at, confirmed_at);
