-- Issue 11: per-key rate limits (an optional override per key, a default per tenant) and the tenant's security
-- settings (Settings → Security).
alter table api_keys add column rate_limit_requests integer;
alter table api_keys add column rate_limit_per_seconds integer;

create table tenant_settings (
    tenant_id              bigint      not null primary key references tenants (id),
    rate_limit_requests    integer,
    rate_limit_per_seconds integer,
    leak_policy            varchar(16) default 'deactivate' not null,
    constraint tenant_settings_leak_policy_check check (leak_policy in ('notify', 'deactivate'))
);

-- Each key's token bucket as every instance shares it: tokens left (null: full) and when last refilled. Instances
-- add their consumption in the background, a batch of keys at a time, never per request.
create table api_key_rate_limits (
    api_key_id  bigint           not null primary key references api_keys (id),
    tokens      double precision,
    refilled_at timestamp with time zone
);

insert into api_key_rate_limits (api_key_id) select id from api_keys;
