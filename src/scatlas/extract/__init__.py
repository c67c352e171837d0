"""scatlas.extract"""
