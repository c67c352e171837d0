"""scatlas.coding"""
