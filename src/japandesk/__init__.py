"""Japan Desk: the investment promotion agency's system of record."""
