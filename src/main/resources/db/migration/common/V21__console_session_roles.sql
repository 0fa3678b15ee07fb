-- A console session opened by the identity provider (OIDC) keeps the roles the provider gave at sign-in; a session of
-- an embedded user leaves this empty and takes the user's current roles on every request.
ALTER TABLE console_session ADD COLUMN roles VARCHAR(200);
