"""The matching pages, split by subject: supplier profiles, buyers' needs, introductions, public pages."""
