"""scatlas.ingest"""
