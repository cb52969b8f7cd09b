-- Rampart schema v2: the stored AI asset inventory and posture assessment runs.
-- Portable SQL: the same script runs on H2 2.x and PostgreSQL 12+.

-- Assessment runs. id is a 26-character time-ordered ID (Crockford base32), so newest first
-- is ORDER BY id DESC. scope names what was assessed (a schedule's name, or 'manual'): new
-- and resolved findings, and missing assets, are computed against the previous succeeded run
-- of the same scope. status: running, succeeded, failed. sources is a JSON array of paths.
CREATE TABLE assessments (
    id                 VARCHAR(26)              NOT NULL,
    scope              VARCHAR(200)             NOT NULL,
    status             VARCHAR(16)              NOT NULL,
    started_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at        TIMESTAMP WITH TIME ZONE,
    sources            VARCHAR(100000)          NOT NULL,
    source_kind        VARCHAR(32),
    asset_count        INTEGER                  NOT NULL,
    finding_count      INTEGER                  NOT NULL,
    new_count          INTEGER                  NOT NULL,
    resolved_count     INTEGER                  NOT NULL,
    attack_path_count  INTEGER                  NOT NULL,
    error_count        INTEGER                  NOT NULL,
    estate_score       INTEGER                  NOT NULL,
    message            VARCHAR(2000),
    CONSTRAINT assessments_pk PRIMARY KEY (id)
);

CREATE INDEX assessments_scope_idx ON assessments (scope, status, id);

-- The inventory: one row per asset ever seen, by its stable ID. missing is true once the
-- scope that last saw the asset ran again without seeing it (missing_since says when).
-- tags and properties are JSON objects; digest is a SHA-256 over kind, name, location, tags
-- and properties, so a changed asset is found without comparing JSON.
CREATE TABLE assets (
    id               VARCHAR(2000)            NOT NULL,
    kind             VARCHAR(64)              NOT NULL,
    type             VARCHAR(500)             NOT NULL,
    name             VARCHAR(1000)            NOT NULL,
    provider         VARCHAR(64)              NOT NULL,
    location         VARCHAR(500),
    owner_name       VARCHAR(500),
    tags             VARCHAR(100000)          NOT NULL,
    source           VARCHAR(2000)            NOT NULL,
    properties       VARCHAR(1000000)         NOT NULL,
    digest           VARCHAR(64)              NOT NULL,
    first_seen       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen        TIMESTAMP WITH TIME ZONE NOT NULL,
    missing          BOOLEAN                  NOT NULL,
    missing_since    TIMESTAMP WITH TIME ZONE,
    scope            VARCHAR(200)             NOT NULL,
    last_assessment  VARCHAR(26)              NOT NULL,
    CONSTRAINT assets_pk PRIMARY KEY (id)
);

CREATE INDEX assets_kind_idx ON assets (kind, id);
CREATE INDEX assets_provider_idx ON assets (provider, id);
CREATE INDEX assets_last_assessment_idx ON assets (last_assessment);

-- Directed edges between assets (application -> deployment -> account, workspace -> storage).
-- The edges leaving an asset are replaced each time a run sees that asset.
CREATE TABLE asset_relationships (
    from_id  VARCHAR(2000) NOT NULL,
    type     VARCHAR(64)   NOT NULL,
    to_id    VARCHAR(2000) NOT NULL,
    CONSTRAINT asset_relationships_pk PRIMARY KEY (from_id, type, to_id)
);

CREATE INDEX asset_relationships_to_idx ON asset_relationships (to_id);

-- Findings per run. fingerprint is a SHA-256 (hex) of rule and asset ID, stable across runs
-- whatever the line numbers do. status: new (absent from the previous run of the scope), open
-- (present there too) or resolved (present there, gone now; copied from the previous run).
-- severity is a rank: 0 info .. 4 critical. refs is a JSON array of catalog IDs.
CREATE TABLE findings (
    assessment_id  VARCHAR(26)      NOT NULL,
    fingerprint    VARCHAR(64)      NOT NULL,
    status         VARCHAR(16)      NOT NULL,
    rule_id        VARCHAR(200)     NOT NULL,
    severity       SMALLINT         NOT NULL,
    asset_id       VARCHAR(2000)    NOT NULL,
    title          VARCHAR(1000)    NOT NULL,
    path           VARCHAR(2000),
    line           INTEGER          NOT NULL,
    refs           VARCHAR(10000)   NOT NULL,
    score          DOUBLE PRECISION NOT NULL,
    CONSTRAINT findings_pk PRIMARY KEY (assessment_id, fingerprint)
);

CREATE INDEX findings_asset_idx ON findings (asset_id);
CREATE INDEX findings_rule_idx ON findings (rule_id);
