"""Helpers every layer uses: indexes, messages, passages, sealing, repr, words.

They import nothing else of the package, so that anything may use them.
"""
