"""Data-subject rights and data protection duties (GDPR Art. 15 and 17, §84 SGB X).

* :mod:`.collect` — everything held about one person, found through every foreign key;
* :mod:`.export` / :mod:`.export_pdf` — that as JSON and as a readable German PDF (Art. 15);
* :mod:`.erase` — anonymisation that keeps statistics working, and the scrubbing of the SQLite
  file (search index, free pages, write-ahead log) so that no name remains in it (Art. 17);
* :mod:`.trail` — what erasure and retention do to the hash-chained audit trail, and the
  verification that knows about it;
* :mod:`.retention` — the retention rules and their application;
* :mod:`.sealed` — the encrypted file format of backups (AES-256-GCM, scrypt).
"""
