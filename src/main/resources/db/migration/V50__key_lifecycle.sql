-- Issue 10: rolling a key links the old key and its successor both ways (the detail views show "Rolled from" and
-- "Rolled to"), and a tenant may cap how long its keys live (Settings → Security, null: no maximum).
alter table api_keys add column rolled_from_id bigint;
alter table api_keys add column rolled_to_id bigint;
alter table tenant_settings add column max_key_lifetime_days integer;
