"""Export, import and the records that make re-importing safe (issue 6 items 4 and 5)."""
