-- Settings → API Credentials with a million keys in one tenant (issue 13): every sort of the list reads its first
-- page from an index in that order and stops after a page, instead of sorting all of the tenant's keys. H2 reads
-- an index in one direction only, so each index is in the order the column's header sorts by first (newest,
-- soonest to expire, most recently used; name in the vendor migration V71); PostgreSQL also reads them backwards
-- for the other direction. The trailing id is the tiebreak the queries sort by, so the order is stable.
drop index api_keys_tenant_created_idx;
create index api_keys_tenant_created_idx on api_keys (tenant_id, created_at desc, id desc);
create index api_keys_tenant_expires_idx on api_keys (tenant_id, expires_at asc nulls last, id asc);
create index api_keys_tenant_last_used_idx on api_keys (tenant_id, last_used_at desc nulls last, id desc);
