-- Issue 11: new tokens end in a CRC-32 of their random part. Keys made before have none and keep working; the
-- application holds their hashes in memory to tell them from junk without a database read.
alter table api_keys add column legacy_token boolean default false not null;
update api_keys set legacy_token = true;
