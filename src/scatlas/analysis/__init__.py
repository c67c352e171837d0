"""scatlas.analysis"""
