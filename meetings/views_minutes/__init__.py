"""The minutes pages: read and draft them, the chair's approval and the secretariat's
circulating and confirming, their approved versions compared, and the minutes as a PDF."""
