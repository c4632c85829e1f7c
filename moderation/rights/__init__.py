"""Removal requests from rights holders (Japan's 2025 platform law practice) and the transparency report."""
