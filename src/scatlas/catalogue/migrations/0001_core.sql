-- Core tables of DESIGN.md: readable names, so the file opens in any SQLite tool (or Datasette).
CREATE TABLE domain (
    id          TEXT PRIMARY KEY,          -- admin, transport, …
    name        TEXT NOT NULL UNIQUE,      -- 행정, 교통, …
    definition  TEXT NOT NULL,
    position    INTEGER NOT NULL
);

CREATE TABLE subtype (
    id          TEXT PRIMARY KEY,
    domain_id   TEXT NOT NULL REFERENCES domain(id),
    label       TEXT NOT NULL
);

-- One row per ingested file (a researcher's inventory file may hold many plans).
CREATE TABLE source (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    path        TEXT NOT NULL UNIQUE,      -- resolved path at ingest time: identity of a file that may change
    file_name   TEXT NOT NULL,
    sha256      TEXT NOT NULL UNIQUE,
    format      TEXT NOT NULL,
    pages       INTEGER,
    size        INTEGER NOT NULL,
    ingested_at TEXT NOT NULL
);

CREATE TABLE plan (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id         INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
    municipality      TEXT,
    municipality_code TEXT,
    title             TEXT,
    period_start      INTEGER,
    period_end        INTEGER,
    source_file       TEXT NOT NULL,
    sha256            TEXT NOT NULL,
    pages             INTEGER,
    format            TEXT NOT NULL,
    ingested_at       TEXT NOT NULL,
    warnings          TEXT NOT NULL DEFAULT '[]'   -- JSON list
);
CREATE INDEX plan_source ON plan(source_id);
CREATE INDEX plan_municipality ON plan(municipality);

CREATE TABLE service (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id         INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    name            TEXT NOT NULL,
    description     TEXT NOT NULL DEFAULT '',
    declared_domain TEXT,                   -- canonical Korean name, or NULL
    declared_label  TEXT,                   -- the label as printed
    page            INTEGER,
    extra           TEXT NOT NULL DEFAULT '{}'  -- JSON object
);
CREATE INDEX service_plan ON service(plan_id, position);

-- Every coding ever made; the effective one is derived (see service_view). History is never overwritten.
CREATE TABLE coding (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    service_id    INTEGER NOT NULL REFERENCES service(id) ON DELETE CASCADE,
    domain_id     TEXT REFERENCES domain(id),
    domain        TEXT,
    subtype       TEXT,
    function      TEXT CHECK (function IS NULL OR function IN ('정보제공', '문제해결', '기반구축')),
    target_groups TEXT NOT NULL DEFAULT '',   -- ';'-separated
    technologies  TEXT NOT NULL DEFAULT '',   -- ';'-separated
    confidence    REAL,
    rationale     TEXT NOT NULL DEFAULT '',
    top2          TEXT NOT NULL DEFAULT '[]', -- JSON [[domain_id, score], …]
    coder         TEXT NOT NULL CHECK (coder LIKE 'auto:%' OR coder LIKE 'human:%'),
    created_at    TEXT NOT NULL
);
CREATE INDEX coding_service ON coding(service_id, id);
CREATE INDEX coding_coder ON coding(coder);

-- Joined (not IN-subqueries), so SQLite computes each 'latest' set once per query, not once per row.
CREATE VIEW latest_auto AS
    SELECT c.* FROM coding c
    JOIN (SELECT max(id) AS id FROM coding WHERE coder LIKE 'auto:%' GROUP BY service_id) m ON m.id = c.id;

CREATE VIEW latest_human AS
    SELECT c.* FROM coding c
    JOIN (SELECT max(id) AS id FROM coding WHERE coder LIKE 'human:%' GROUP BY service_id) m ON m.id = c.id;

-- The effective coding of DESIGN.md: latest human; else the plan's declared domain (other dimensions from auto,
-- auto's sub-type only where it belongs to that domain); else latest auto.
CREATE VIEW service_view AS
    SELECT
        s.id AS service_id, s.plan_id, p.municipality, p.municipality_code, p.title AS plan_title,
        p.period_start, p.period_end, p.source_file, s.page, s.position, s.name, s.description,
        s.declared_domain, s.declared_label,
        COALESCE(h.domain_id, dd.id, a.domain_id) AS domain_id,
        COALESCE(h.domain, dd.name, a.domain) AS domain,
        CASE WHEN h.id IS NOT NULL THEN h.subtype
             WHEN st.domain_id = COALESCE(dd.id, a.domain_id) THEN a.subtype END AS subtype,
        COALESCE(h.function, a.function) AS function,
        COALESCE(h.target_groups, a.target_groups) AS target_groups,
        COALESCE(h.technologies, a.technologies) AS technologies,
        CASE WHEN h.id IS NOT NULL THEN h.confidence
             WHEN dd.id IS NOT NULL THEN 1.0 ELSE a.confidence END AS confidence,
        CASE WHEN h.id IS NOT NULL THEN h.coder WHEN dd.id IS NOT NULL THEN 'declared'
             ELSE a.coder END AS coder,
        COALESCE(h.rationale, a.rationale) AS rationale,
        a.domain_id AS auto_domain_id, a.confidence AS auto_confidence, a.coder AS auto_coder,
        h.coder AS human_coder
    FROM service s
    JOIN plan p ON p.id = s.plan_id
    LEFT JOIN domain dd ON dd.name = s.declared_domain
    -- correlated look-ups through the coding_service index: O(log n) per service, never a scan per row
    LEFT JOIN coding a ON a.id = (SELECT max(id) FROM coding WHERE service_id = s.id AND coder LIKE 'auto:%')
    LEFT JOIN coding h ON h.id = (SELECT max(id) FROM coding WHERE service_id = s.id AND coder LIKE 'human:%')
    LEFT JOIN subtype st ON st.id = a.subtype;
