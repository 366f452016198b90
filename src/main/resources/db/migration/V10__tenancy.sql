-- Issue 9: operators, tenant status, member roles and invitations. Same SQL for H2 and PostgreSQL.

-- Tenants: whether they are suspended, and their name lower-cased for case-insensitive uniqueness. Names that
-- already collide (case aside) keep working: every later duplicate gets its id appended to its normalized form.
alter table tenants add column suspended boolean not null default false;
alter table tenants add column name_normalized varchar(160);
update tenants set name_normalized = lower(name);
update tenants set name_normalized = lower(name) || '#' || id
    where exists (select 1 from tenants o where lower(o.name) = lower(tenants.name) and o.id < tenants.id);
alter table tenants alter column name_normalized set not null;
alter table tenants add constraint tenants_name_normalized_key unique (name_normalized);

-- Users: every existing user keeps its role (ADMIN: the only one there was). The operator authority goes to the
-- bootstrap admin, the first user ever created. A user is a member of exactly one tenant (tenant_id stays not null):
-- an operator signs in as a member of the vendor's own tenant.
alter table users add column operator boolean not null default false;
update users set operator = true where id = (select min(id) from users);
-- true from the invitation until the invitee chose a password
alter table users add column invited boolean not null default false;
alter table users add column last_sign_in_at timestamp with time zone;
-- A removed member's row stays (keys and history name their creator) but frees its address: email_normalized
-- becomes '#removed#<id>', which no typed address can match.
alter table users add column removed_at timestamp with time zone;
alter table users add constraint users_role_check check (role in ('ADMIN', 'DEVELOPER', 'VIEWER'));

create index users_tenant_idx on users (tenant_id, created_at);
create index api_keys_created_by_idx on api_keys (created_by);

-- Invitation links live in email_links (V6, purpose INVITATION, subject the invited user's id).

-- Audit events of operators and of member changes name the member they concern.
alter table audit_events add column subject_user_id bigint references users (id);
