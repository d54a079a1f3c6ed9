"""Supplier matchmaking: buyers' needs meet suppliers' capability profiles across languages."""
