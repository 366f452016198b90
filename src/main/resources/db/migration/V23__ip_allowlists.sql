-- Issue 11: the addresses a key may be used from, normalised and space-separated (at most 100); null: anywhere.
alter table api_keys add column allowed_ips varchar(5000);
