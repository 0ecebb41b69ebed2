"""Export, import and the records that make re-importing safe: a person's data is theirs to take."""
