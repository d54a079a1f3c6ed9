"""The public portal's pages and the staff screens that edit its content."""
