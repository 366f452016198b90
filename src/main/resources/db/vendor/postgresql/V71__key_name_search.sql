-- The key list's search (issue 13): a name is found by its start, case-insensitively, through name_lower, a
-- column the database computes from name (so every insert and rename keeps it, and existing rows get it now).
-- The same index sorts the list by name (and, read backwards, Z to A). A key prefix is found through
-- (tenant_id, token_prefix). H2's version of this migration: see db/vendor/h2.
-- Both columns compare byte by byte (collation "C"), as H2 compares strings: a search for names starting with
-- "abc" is then the range >= 'abc' and < 'abd' on the index whatever the database's collation, and both
-- databases sort names the same way. (Prefixes are "key_" and hex digits: no order changes for them.)
alter table api_keys add column name_lower varchar(128) collate "C" generated always as (lower(name)) stored;
alter table api_keys alter column token_prefix type varchar(8) collate "C";
create index api_keys_tenant_name_idx on api_keys (tenant_id, name_lower asc nulls first, id asc nulls first);
create index api_keys_tenant_prefix_idx on api_keys (tenant_id, token_prefix, id);
