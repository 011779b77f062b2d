"""The agenda pack: one PDF of the cover, the agenda, each paper's cover sheet and its uploaded
PDFs, for members (everything) or the public (no confidential item or paper)."""
