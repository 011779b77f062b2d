"""The compliance dashboard's reckoning: each rule of the terms of reference with its status for
a calendar year (statuses.py), the history of late agendas and minutes (history.py), and the
annual compliance statement to the Public Service Board as a PDF (statement_pdf.py)."""
