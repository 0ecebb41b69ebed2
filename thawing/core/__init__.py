"""Pure rules and calculations: no Django, no I/O, no clock.

Callers pass the content, today's date and the current time in.
"""
