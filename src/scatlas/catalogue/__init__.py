"""scatlas.catalogue"""
