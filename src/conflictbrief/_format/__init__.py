"""Reading and writing the file format behind `conflictbrief.serialize`.

JSON text into values (`json_text`), the size policy (`limits`), the strict
cattrs converter (`converter`) and the reader of ``conflictbrief/1`` files
(`format1`).
"""
