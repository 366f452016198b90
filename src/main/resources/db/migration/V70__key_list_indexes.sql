-- Settings → API Credentials with a million keys in one tenant (issue 13). Each sort of the list reads its first
-- page from an index kept in that order and stops after a page, instead of sorting all of the tenant's keys.
-- Every column's order is spelled out, nulls included, exactly as ApiKeys writes its ORDER BY (see KeySort): an
-- index serves an ORDER BY only when both agree on where nulls go. These are in the order each header sorts by
-- first (newest, soonest to expire, most recently used; names in V71). PostgreSQL reads them backwards for the
-- other direction; H2 cannot, and gets the other direction's indexes in its V71. The trailing id is the tiebreak.
drop index api_keys_tenant_created_idx;
create index api_keys_tenant_created_idx on api_keys (tenant_id, created_at desc nulls last, id desc nulls last);
create index api_keys_tenant_expires_idx on api_keys (tenant_id, expires_at asc nulls last, id asc nulls first);
create index api_keys_tenant_last_used_idx on api_keys (tenant_id, last_used_at desc nulls last, id desc nulls last);
-- the count under the list ("10,000+ keys") reads this index alone
create index api_keys_tenant_deleted_idx on api_keys (tenant_id, deleted_at);
