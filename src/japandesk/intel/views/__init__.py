"""The news intelligence's pages: the feed and articles, stories, fact review."""
