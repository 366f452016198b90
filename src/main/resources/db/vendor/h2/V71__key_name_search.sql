-- The key list's search (issue 13): a name is found by its start, case-insensitively, through name_lower, a
-- column the database computes from name (so every insert and rename keeps it, and existing rows get it now).
-- The same index sorts the list by name. A key prefix is found through (tenant_id, token_prefix). PostgreSQL's
-- version of this migration differs only in syntax: see db/vendor/postgresql.
alter table api_keys add column name_lower varchar(128) generated always as (lower(name));
create index api_keys_tenant_name_idx on api_keys (tenant_id, name_lower, id);
create index api_keys_tenant_prefix_idx on api_keys (tenant_id, token_prefix, id);
