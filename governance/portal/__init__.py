"""The members' portal home: what each panel of "Your home" reads, one module per panel, each
a fixed number of queries whatever the number of meetings, actions or notifications."""
