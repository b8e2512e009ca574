"""Declared model properties: one line each, with a change signal.

```python
class ConnectionModel(QObject):
    stateChanged = Signal(object)
    state = Observable(ConnectionStatus.DISCONNECTED)
```

Reading `model.state` gives the value; assigning a different value stores it
and emits `stateChanged(value)`, so a widget binds with one `connect` and
never polls. The signal must be declared beside the property (Qt builds a
class's signals when the class is made, and mypy must see them); a missing
one is an error when the class is defined, not when a value first changes.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar, overload

from PySide6.QtCore import QObject, Signal

T = TypeVar("T")


class Observable(Generic[T]):
    def __init__(self, default: T) -> None:
        self.default = default
        self.name = ""

    def __set_name__(self, owner: type[QObject], name: str) -> None:
        self.name = name
        self.signal = f"{name}Changed"
        self.slot = f"_{name}_value"
        if not isinstance(owner.__dict__.get(self.signal), Signal):
            raise TypeError(
                f"{owner.__name__}.{name}: declare `{self.signal} = Signal(object)` beside it"
            )

    @overload
    def __get__(self, instance: None, owner: type[Any]) -> Observable[T]: ...
    @overload
    def __get__(self, instance: QObject, owner: type[Any]) -> T: ...
    def __get__(self, instance: QObject | None, owner: type[Any]) -> Observable[T] | T:
        if instance is None:
            return self
        value: T = instance.__dict__.get(self.slot, self.default)
        return value

    def __set__(self, instance: QObject, value: T) -> None:
        old = instance.__dict__.get(self.slot, self.default)
        if old is value or old == value:
            return
        instance.__dict__[self.slot] = value
        getattr(instance, self.signal).emit(value)
