-- Rampart schema v3: MCP tool pins (rampart-mcp's JdbcToolPinStore).
-- Portable SQL: the same script runs on H2 2.x and PostgreSQL 12+.

-- One row per MCP server and tool. sha256 is the approved definition's hash (name,
-- description, inputSchema as canonical JSON); digests is a JSON object of per-field hashes.
-- A definition seen later with another hash is kept in pending_* until an admin approves it
-- (rampart mcp approve), which moves it into sha256/digests.
CREATE TABLE mcp_tool_pins (
    server           VARCHAR(100)             NOT NULL,
    tool             VARCHAR(200)             NOT NULL,
    sha256           VARCHAR(64)              NOT NULL,
    digests          VARCHAR(1000)            NOT NULL,
    pinned_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    pending_sha256   VARCHAR(64),
    pending_digests  VARCHAR(1000),
    pending_since    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT mcp_tool_pins_pk PRIMARY KEY (server, tool)
);
