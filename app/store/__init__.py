"""Framecast's storage layer: what survives a restart.

- `paths`: platform locations (config, data, videos, logs), movable through
  `FRAMECAST_CONFIG_DIR`, `FRAMECAST_DATA_DIR` and `FRAMECAST_LOG_DIR`.
- `settings`: the `Settings` model, environment over `settings.json` over defaults.
- `credentials`: the API token per backend origin, in the OS keyring or a 0600 file.
- `history`: the SQLite job history (`HistoryStore`, `AsyncHistoryStore`).

This package imports nothing else from `app` and no Qt. Import the modules
directly (`from app.store.history import HistoryStore`); nothing is re-exported
here so that opening the history does not pay for pydantic-settings and keyring.
"""
