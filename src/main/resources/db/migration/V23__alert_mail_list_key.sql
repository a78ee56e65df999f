-- A mail names a list of its run: never one that is missing (a mail without its list would never be sent and keep
-- its run waiting). The lists are written before their mails, in the same transaction, and deleted after them.
ALTER TABLE alert_mail ADD CONSTRAINT alert_mail_list FOREIGN KEY (run_id, list_no)
    REFERENCES alert_list (run_id, list_no) ON DELETE CASCADE;
