-- Where a service's text came from: running text (from_prose, 1) and OCR (the page's mean word confidence, 0–1).
ALTER TABLE service ADD COLUMN from_prose INTEGER NOT NULL DEFAULT 0;
ALTER TABLE service ADD COLUMN ocr_confidence REAL;

-- OCRed pages by the file's SHA-256 and the settings they were read with, so no page is OCRed twice.
CREATE TABLE ocr_page (
    sha256     TEXT NOT NULL,
    page       INTEGER NOT NULL,
    settings   TEXT NOT NULL,
    data       TEXT NOT NULL,               -- JSON: lines, tables, confidence (scatlas.ingest.ocr_pages.OcrPage)
    created_at TEXT NOT NULL,
    PRIMARY KEY (sha256, page, settings)
);
