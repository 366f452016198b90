-- The key list's search (issue 13): a name is found by its start, case-insensitively, through name_lower, a
-- column the database computes from name (so every insert and rename keeps it, and existing rows get it now).
-- The same index sorts the list by name. A key prefix is found through (tenant_id, token_prefix). PostgreSQL's
-- version of this migration: see db/vendor/postgresql.
alter table api_keys add column name_lower varchar(128) generated always as (lower(name));
create index api_keys_tenant_name_idx on api_keys (tenant_id, name_lower asc nulls first, id asc nulls first);
create index api_keys_tenant_prefix_idx on api_keys (tenant_id, token_prefix, id);
-- H2 reads an index in one direction only: each sort's other direction has its own index (see V70).
create index api_keys_tenant_created_asc_idx on api_keys (tenant_id, created_at asc nulls first, id asc nulls first);
create index api_keys_tenant_name_desc_idx on api_keys (tenant_id, name_lower desc nulls last, id desc nulls last);
create index api_keys_tenant_expires_desc_idx on api_keys (tenant_id, expires_at desc nulls first, id desc nulls last);
create index api_keys_tenant_last_used_asc_idx on api_keys (tenant_id, last_used_at asc nulls first, id asc nulls first);
