"""scatlas.report"""
