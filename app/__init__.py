"""Framecast: a desktop studio for AI video generation."""

__version__ = "0.1.0"
