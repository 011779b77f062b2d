"""Signing in and keeping an account safe: two-factor authentication, sessions, passwords."""
