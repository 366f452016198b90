-- The ids held in a signed-in session moved to dev.latchkey.shared: sessions serialised before that cannot be read
-- back, so they end here and their users sign in again.
delete from spring_session_attributes;
delete from spring_session;
