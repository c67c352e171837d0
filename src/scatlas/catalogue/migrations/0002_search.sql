-- Korean substring search: FTS5 with the trigram tokenizer (SQLite ≥ 3.34), kept in step by triggers.
CREATE VIRTUAL TABLE service_fts USING fts5(
    name, description, content='service', content_rowid='id', tokenize='trigram'
);
INSERT INTO service_fts(rowid, name, description) SELECT id, name, description FROM service;
CREATE TRIGGER service_fts_insert AFTER INSERT ON service BEGIN
    INSERT INTO service_fts(rowid, name, description) VALUES (new.id, new.name, new.description);
END;
CREATE TRIGGER service_fts_delete AFTER DELETE ON service BEGIN
    INSERT INTO service_fts(service_fts, rowid, name, description) VALUES ('delete', old.id, old.name, old.description);
END;
CREATE TRIGGER service_fts_update AFTER UPDATE OF name, description ON service BEGIN
    INSERT INTO service_fts(service_fts, rowid, name, description) VALUES ('delete', old.id, old.name, old.description);
    INSERT INTO service_fts(rowid, name, description) VALUES (new.id, new.name, new.description);
END;
