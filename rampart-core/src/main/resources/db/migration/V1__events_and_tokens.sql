-- Rampart schema v1: the security event log and API tokens.
-- Portable SQL: the same script runs on H2 2.x and PostgreSQL 12+.

-- Append-only security events. id is a 26-character ULID (Crockford base32, upper case):
-- it sorts in append order, so "newest first" is ORDER BY id DESC and cursors are ids.
-- severity is a rank: 0 info, 1 low, 2 medium, 3 high, 4 critical (minSeverity is >=).
-- attributes is a JSON object, refs a JSON array of catalog IDs.
CREATE TABLE events (
    id          VARCHAR(26)              NOT NULL,
    event_time  TIMESTAMP WITH TIME ZONE NOT NULL,
    type        VARCHAR(200)             NOT NULL,
    severity    SMALLINT                 NOT NULL,
    principal   VARCHAR(500)             NOT NULL,
    asset       VARCHAR(1000)            NOT NULL,
    outcome     VARCHAR(16)              NOT NULL,
    attributes  VARCHAR(1000000)         NOT NULL,
    refs        VARCHAR(10000)           NOT NULL,
    CONSTRAINT events_pk PRIMARY KEY (id)
);

-- Time ranges and retention purges.
CREATE INDEX events_time_idx ON events (event_time);
-- Filters, each ending in id so a filtered page is an index range read newest first.
CREATE INDEX events_type_idx ON events (type, id);
CREATE INDEX events_principal_idx ON events (principal, id);
CREATE INDEX events_severity_idx ON events (severity, id);

-- API tokens. Only a SHA-256 hash of the secret is stored (hex).
-- kind 'issued': presented as rpt_<id>_<secret>, found by id, hash of the secret part.
-- kind 'imported': a caller-chosen bearer, found by lookup_key (the first 16 hex digits of
-- the hash of the whole bearer), hash of the whole bearer.
CREATE TABLE api_tokens (
    id           VARCHAR(32)              NOT NULL,
    name         VARCHAR(200)             NOT NULL,
    role         VARCHAR(16)              NOT NULL,
    kind         VARCHAR(16)              NOT NULL,
    secret_hash  VARCHAR(64)              NOT NULL,
    lookup_key   VARCHAR(16),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_tokens_pk PRIMARY KEY (id)
);

CREATE INDEX api_tokens_lookup_idx ON api_tokens (lookup_key);
CREATE INDEX api_tokens_name_idx ON api_tokens (name);
CREATE INDEX api_tokens_created_idx ON api_tokens (created_at);
