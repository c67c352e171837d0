-- Two-syllable Korean substring search (주차, 버스): the trigram index cannot match words under three characters.
-- Each row holds the distinct character bigrams of a service's name and description (scatlas.catalogue.bigrams),
-- space-separated. Contentless and detail=none: only which services hold each bigram is stored.
-- The `ascii` tokenizer splits on ASCII separators only and folds ASCII case only: the same rules as LIKE.
-- The triggers call scatlas_bigrams(), registered by Catalogue.open; a connection without it cannot write to
-- service ("no such function"), so the index can never silently fall out of step.
CREATE VIRTUAL TABLE service_bigram USING fts5(
    bigrams, content='', detail='none', tokenize='ascii'
);
INSERT INTO service_bigram(rowid, bigrams) SELECT id, scatlas_bigrams(name, description) FROM service;
CREATE TRIGGER service_bigram_insert AFTER INSERT ON service BEGIN
    INSERT INTO service_bigram(rowid, bigrams) VALUES (new.id, scatlas_bigrams(new.name, new.description));
END;
CREATE TRIGGER service_bigram_delete AFTER DELETE ON service BEGIN
    INSERT INTO service_bigram(service_bigram, rowid, bigrams)
        VALUES ('delete', old.id, scatlas_bigrams(old.name, old.description));
END;
CREATE TRIGGER service_bigram_update AFTER UPDATE OF name, description ON service BEGIN
    INSERT INTO service_bigram(service_bigram, rowid, bigrams)
        VALUES ('delete', old.id, scatlas_bigrams(old.name, old.description));
    INSERT INTO service_bigram(rowid, bigrams) VALUES (new.id, scatlas_bigrams(new.name, new.description));
END;
