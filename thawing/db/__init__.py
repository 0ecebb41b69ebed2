"""Database backends of Thawing."""
