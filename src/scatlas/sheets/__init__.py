"""Spreadsheet files every command shares: one CSV reader (encodings, bad rows skipped by number), one streaming
XLSX reader (the sheet's real extent, bounded), and one spreadsheet-safe writer (CSV and XLSX)."""
