-- Sign-in throttling by client address as well as by account (issue 12): a failure remembers where it came from,
-- so that failures from one address slow down that address, not the account's owner elsewhere.
alter table sign_in_failures add column client_ip varchar(64);

create index sign_in_failures_ip_idx on sign_in_failures (client_ip, failed_at);

-- Sign-in attempts are audited, also for addresses that belong to no account (no tenant then): the email as
-- typed, the client's address and its user agent.
alter table audit_events alter column tenant_id drop not null;
alter table audit_events add column actor_email varchar(320);
alter table audit_events add column user_agent varchar(512);

create index audit_events_occurred_idx on audit_events (occurred_at);
