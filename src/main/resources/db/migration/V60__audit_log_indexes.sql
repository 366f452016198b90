-- Settings → Audit log reads a tenant's events newest first, a page at a time by keyset (occurred_at, id), with
-- or without one filter on the action or the actor. Each index below serves one of those shapes by a backward
-- range scan that stops after a page, so the page costs the same with a million events as with ten.
create index audit_events_tenant_time_idx on audit_events (tenant_id, occurred_at, id);
create index audit_events_tenant_action_idx on audit_events (tenant_id, action, occurred_at, id);
-- a person's own actions: their user id, and no key (actor_key_id is null), in the index so it alone answers
create index audit_events_tenant_user_idx on audit_events (tenant_id, actor_user_id, actor_key_id, occurred_at, id);
create index audit_events_tenant_actor_key_idx on audit_events (tenant_id, actor_key_id, occurred_at, id);
