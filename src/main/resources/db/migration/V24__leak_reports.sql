-- Issue 11: the last leak report of a key (GitHub secret scanning or another partner), shown in its detail view.
alter table api_keys add column leak_reported_at timestamp with time zone;
alter table api_keys add column leak_url varchar(2000);
