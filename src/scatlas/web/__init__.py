"""scatlas.web"""
