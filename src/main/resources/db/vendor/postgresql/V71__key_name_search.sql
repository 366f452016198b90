-- The key list's search (issue 13): a name is found by its start, case-insensitively, through name_lower, a
-- column the database computes from name (so every insert and rename keeps it, and existing rows get it now).
-- The same index sorts the list by name (and, read backwards, Z to A). H2's version: see db/vendor/h2.
-- name_lower compares byte by byte (collation "C"), as H2 compares strings: a `like 'abc%'` then is a range on
-- the index whatever the database's collation, and both databases sort names the same way. token_prefix keeps
-- the database's collation, so its index uses varchar_pattern_ops, which serves `like 'key_3f%'` likewise.
alter table api_keys add column name_lower varchar(128) collate "C" generated always as (lower(name)) stored;
create index api_keys_tenant_name_idx on api_keys (tenant_id, name_lower asc nulls first, id asc nulls first);
create index api_keys_tenant_prefix_idx on api_keys (tenant_id, token_prefix varchar_pattern_ops, id);
