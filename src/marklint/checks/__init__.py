"""Checks: one module per rule family. Each rule's documentation lives in `registry`."""
