"""Run the docs' code blocks and the package's docstring examples as tests."""

from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser
from sybil.parsers.rest import DocTestParser

pytest_collect_file = (
    Sybil(
        parsers=[PythonCodeBlockParser()],
        patterns=["*.md"],
        excludes=["CHANGELOG.md"],
    )
    + Sybil(parsers=[DocTestParser()], patterns=["*.py"], path="src")
).pytest()
