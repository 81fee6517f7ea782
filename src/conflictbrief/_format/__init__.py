"""Reading and writing the file format behind `conflictbrief.serialize`.

JSON text into values (`json_text`), the size policy (`limits`), a valid
file of today read record by record (`stream`), the fast reader (`reader`)
and the readers of plain values it shares (`plain`), the cattrs converter
that names a bad file's problems and writes files (`converter`), and the
versions that load (`versions`), with the reader of ``conflictbrief/1``
files (`format1`).
"""
