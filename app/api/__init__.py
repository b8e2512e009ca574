"""The backend contract: models, the async client and its typed errors."""

from app.api.client import Listing, SuperDuperClient, normalise_token
from app.api.errors import (
    ApiError,
    AuthenticationError,
    BackendUnavailableError,
    InsufficientCreditsError,
    InvalidRequestError,
    NotFoundError,
    PagingError,
    ProtocolError,
    RateLimitedError,
    UnsafeUrlError,
)
from app.api.models import (
    Account,
    Catalogue,
    CreatedGeneration,
    FileObject,
    GenerationConfig,
    GenerationRequest,
    LibraryPage,
    ProjectObject,
    Style,
    parse_message,
)

__all__ = [
    "Account",
    "ApiError",
    "AuthenticationError",
    "BackendUnavailableError",
    "Catalogue",
    "CreatedGeneration",
    "FileObject",
    "GenerationConfig",
    "GenerationRequest",
    "InsufficientCreditsError",
    "InvalidRequestError",
    "LibraryPage",
    "Listing",
    "NotFoundError",
    "PagingError",
    "ProjectObject",
    "ProtocolError",
    "RateLimitedError",
    "Style",
    "SuperDuperClient",
    "UnsafeUrlError",
    "normalise_token",
    "parse_message",
]
