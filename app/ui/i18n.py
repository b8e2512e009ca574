"""Loading the window's language: the system locale, or the one chosen in Settings.

Translations are Qt `.qm` files built from the `.ts` sources in
`resources/translations` (`make translations`). English is the source
language, so it needs no file.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from app.ui.resources import resource

log = logging.getLogger("framecast.ui")

SUPPORTED = ("en", "ru")

_installed: list[QTranslator] = []


def resolve_language(choice: str | None) -> str:
    """`system` (or nothing) follows the system locale; else the code chosen."""
    if choice and choice != "system":
        return choice if choice in SUPPORTED else "en"
    name = QLocale.system().name()  # such as "ru_RU"
    code = name.split("_", 1)[0].lower()
    return code if code in SUPPORTED else "en"


def install_language(choice: str | None) -> str:
    """Install the translators for `choice` on the running application,
    replacing any installed before. Returns the language code in effect."""
    app = QCoreApplication.instance()
    code = resolve_language(choice)
    if app is None:
        return code
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(code))  # dates and numbers in the window's language
    if code == "en":
        return code
    translator = QTranslator(app)
    qm = resource("translations", f"framecast_{code}.qm")
    if translator.load(str(qm)):
        app.installTranslator(translator)
        _installed.append(translator)
    else:
        log.warning("translation %s not found at %s", code, qm)
        return "en"
    qt_translator = QTranslator(app)
    from PySide6.QtCore import QLibraryInfo

    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(f"qtbase_{code}", qt_dir):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    return code
