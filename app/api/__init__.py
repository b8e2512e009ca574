"""The backend contract: models, the async client and its typed errors."""

from app.api.client import SuperDuperClient, normalise_token
from app.api.errors import (
    ApiError,
    AuthenticationError,
    BackendUnavailableError,
    InsufficientCreditsError,
    InvalidRequestError,
    NotFoundError,
    ProtocolError,
    RateLimitedError,
    UnsafeUrlError,
)
from app.api.models import (
    Account,
    CreatedGeneration,
    FileObject,
    GenerationConfig,
    GenerationRequest,
    ProjectObject,
    Style,
    parse_message,
)

__all__ = [
    "Account",
    "ApiError",
    "AuthenticationError",
    "BackendUnavailableError",
    "CreatedGeneration",
    "FileObject",
    "GenerationConfig",
    "GenerationRequest",
    "InsufficientCreditsError",
    "InvalidRequestError",
    "NotFoundError",
    "ProjectObject",
    "ProtocolError",
    "RateLimitedError",
    "Style",
    "SuperDuperClient",
    "UnsafeUrlError",
    "normalise_token",
    "parse_message",
]
