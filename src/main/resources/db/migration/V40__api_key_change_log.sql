-- What each move of the change counter was about, so that other instances evict only the keys that changed instead
-- of clearing their whole cache. One row per version, written in the changing transaction; the token hash is the
-- cache's key (the same value api_keys holds). created = true: a new key, whose token an instance may have
-- remembered as unknown. Old rows are pruned by the writers; an instance that finds a gap clears its cache.
create table api_key_change_log (
    version    bigint      not null primary key,
    token_hash varchar(64),
    created    boolean     not null,
    -- a change to a whole tenant (suspended, production revoked, its default rate limit): token_hash is null and
    -- every instance forgets that tenant's keys
    tenant_id  bigint
);
