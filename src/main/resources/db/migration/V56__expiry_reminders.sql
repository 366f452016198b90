-- Expiry reminders: one row per key and threshold (days) once that reminder is handled, written in the same
-- transaction as its emails in mail_outbox; the primary key makes a second one impossible. A change of the key's
-- expiry deletes its rows.
create table key_reminders (
    api_key_id     bigint not null references api_keys (id) on delete cascade,
    threshold_days int    not null,
    sent_at        timestamp with time zone not null,
    constraint key_reminders_pk primary key (api_key_id, threshold_days)
);

create index api_keys_expires_idx on api_keys (expires_at);

-- A member's own switch (Settings → Account); the admins' fallback respects it too.
alter table users add column expiry_reminders boolean not null default true;

-- A row per scheduled job that must run on one instance at a time: the job's transaction locks it (select … for
-- update), so a second instance waits, then finds the work done.
create table scheduler_locks (
    name varchar(64) not null primary key
);

insert into scheduler_locks (name) values ('expiry-reminders');
