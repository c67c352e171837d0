-- People correct the service list: every change is logged (who, when, what, why) and can be undone.
-- origin: 'extracted' (from the file) or 'human' (added or split off by a person); extracted_name is the name as the
-- file printed it, which matches the service again when the file is re-ingested; edited lists the fields a person
-- changed, which a re-ingest never overwrites.
ALTER TABLE service ADD COLUMN origin TEXT NOT NULL DEFAULT 'extracted' CHECK (origin IN ('extracted', 'human'));
ALTER TABLE service ADD COLUMN extracted_name TEXT;
UPDATE service SET extracted_name = name;
ALTER TABLE service ADD COLUMN edited TEXT NOT NULL DEFAULT '[]';

-- One row per change to the service list or per undone review decision. A deleted or merged-away service leaves the
-- service table; its row and codings are kept here (before) so that undo or restore brings it back with its ids.
CREATE TABLE service_edit (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    action         TEXT NOT NULL CHECK (action IN ('add', 'edit', 'delete', 'restore', 'merge', 'split', 'move',
                                                   'uncode', 'plan_choice')),
    service_id     INTEGER,                  -- the service acted on (kept after a merge); plan id for plan_choice
    related        TEXT NOT NULL DEFAULT '[]',  -- JSON: the other services (merged away, split off)
    editor         TEXT NOT NULL CHECK (editor LIKE 'human:_%'),
    reason         TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    before         TEXT NOT NULL DEFAULT '{}',  -- JSON snapshot before the change
    after          TEXT NOT NULL DEFAULT '{}',  -- JSON of what changed
    source_path    TEXT,                     -- the file the service came from, and how it is named there:
    municipality   TEXT,                     --   a re-ingest of that file keeps deleted, merged and moved services out
    extracted_name TEXT,
    undone_at      TEXT,
    undone_by      TEXT
);
CREATE INDEX service_edit_service ON service_edit(service_id, id);
CREATE INDEX service_edit_source ON service_edit(source_path);

-- Several plans of one municipality: which one counts is explicit. counts NULL = automatic (the latest by period),
-- 1 = chosen by a person, 0 = left out by a person.
ALTER TABLE plan ADD COLUMN counts INTEGER CHECK (counts IS NULL OR counts IN (0, 1));

CREATE VIEW plan_choice AS
    SELECT p.id AS plan_id, p.municipality,
        CASE WHEN p.counts IS NOT NULL THEN p.counts
             WHEN p.municipality IS NULL THEN 1
             WHEN EXISTS (SELECT 1 FROM plan q WHERE q.municipality = p.municipality AND q.counts = 1) THEN 0
             WHEN p.id = (SELECT q.id FROM plan q WHERE q.municipality = p.municipality AND q.counts IS NULL
                          ORDER BY COALESCE(q.period_end, 0) DESC, COALESCE(q.period_start, 0) DESC, q.id DESC
                          LIMIT 1) THEN 1
             ELSE 0 END AS counted,
        CASE WHEN p.counts IS NOT NULL THEN 'chosen' ELSE 'latest' END AS rule
    FROM plan p;

-- The source document itself (PDF), kept inside the catalogue so a service's page can be shown, marked, after the
-- original folder has moved.
CREATE TABLE source_file (
    source_id INTEGER PRIMARY KEY REFERENCES source(id) ON DELETE CASCADE,
    data      BLOB NOT NULL
);
