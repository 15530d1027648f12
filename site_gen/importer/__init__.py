"""Import a notice as published today (plain text, a saved web page, a Word file) into a site-gen notice.

One recogniser per concern: sources (file -> lines), boilerplate (website chrome),
metadata (title, publisher, dates, inspection), contacts, structure (sections,
issues, sub-problems, status lines). The written notice is read back with the
site's own reader, so what import reports is what check and build will see.
"""

from .convert import ImportResult, import_file

__all__ = ["ImportResult", "import_file"]
