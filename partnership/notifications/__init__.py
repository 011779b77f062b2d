"""Notifications: record who must be told what (recording), then send each once (delivery)."""
