"""A brief's collections and the questions they answer.

The table of collections (`registry`), the `Records` collection
(`collection`) and its query planner (`query`), the integrity checks
(`integrity`), tallies of figures (`tally`) and merging (`merge`). They sit
above the model classes and below `conflictbrief.brief`.
"""
