-- Issue 11: scopes. Keys made before scopes existed keep exactly the access they had: every built-in scope.
-- Names are kept space-separated in one column (a scope name never contains a space).
alter table api_keys add column scopes varchar(4000) default 'keys:read keys:verify keys:write' not null;

-- A key cannot reactivate a key that a person deactivated; keys deactivated before this change count as a person's
-- unless their history shows a key did it.
alter table api_keys add column deactivated_by_person boolean default false not null;
update api_keys set deactivated_by_person = true
    where active = false and deleted_at is null and not exists (
        select 1 from audit_events e where e.api_key_id = api_keys.id and e.action = 'deactivated'
            and e.actor_key_id is not null
            and e.occurred_at = (select max(f.occurred_at) from audit_events f
                                 where f.api_key_id = api_keys.id and f.action = 'deactivated'));

-- Scope names a tenant defines for its own services (Settings → Security), read back through the verify endpoint.
create table tenant_scopes (
    tenant_id bigint      not null references tenants (id),
    name      varchar(64) not null,
    constraint tenant_scopes_pk primary key (tenant_id, name)
);
