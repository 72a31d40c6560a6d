-- FunnelQL warehouse schema, version 5: API keys.
--
-- The keys that may use this warehouse over HTTP, kept in the warehouse file itself so that a workspace's
-- keys travel with its data (a backup holds them) and `keys create --db PATH` works without a server.
-- Only the SHA-256 of a key is stored, never the key; whoever reads this table cannot use a key.
-- workspace names the workspace the file is served as: a key is accepted only when the server serves this
-- file under that name, so a copy of the file served as another workspace does not let old keys in.
-- A revoked key keeps its row (revoked_at set) so that the list shows what happened.
CREATE TABLE api_keys (
    key_id      VARCHAR PRIMARY KEY,
    workspace   VARCHAR NOT NULL,
    role        VARCHAR NOT NULL,
    sha256      VARCHAR NOT NULL UNIQUE,
    name        VARCHAR,
    created_at  TIMESTAMPTZ NOT NULL,
    revoked_at  TIMESTAMPTZ
);
