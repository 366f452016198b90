-- One row whose version moves forward, in the same transaction, with every change that can make a key authenticate
-- differently (create, deactivate, reactivate, delete). Every instance polls it to know when its cache of
-- credentials may be stale; the update also serialises key changes, which are rare, across instances.
create table api_key_changes (
    id      int    not null primary key,
    version bigint not null
);

insert into api_key_changes (id, version) values (1, 0);
