"""Screenshots of the form and the dialogs a creator meets first, for a person to look at.

    python -m tests.ui.screenshot_form OUTDIR --size 1366x860 --language ru

Runs the app's own code path on the built-in renderer (qasync loop,
`MainWindow`), then saves, with the size and language in each name:
`first-launch`, `advanced` (the form with Advanced open), `model-popup` (the
model list open), `settings-wrong-token` (Settings after Test connection with
a token the server refuses) and `diagnostics`. Whole-screen grabs under Xvfb,
so popups and dialogs are in the picture. Exit code 0 when every state was saved.
"""

from __future__ import annotations

import sys

from tests.ui import screenshot_support as shots


async def scenario(args: shots.Args) -> int:
    out, tag = args.out, args.tag
    async with shots.open_window(args) as window:
        window.spawn(window.start())
        await shots.wait_for(lambda: window.form.models, 90, "the catalogue")
        await shots.settle()
        shots.grab_screen(out / f"first-launch-{tag}.png")

        form = window.form
        form.advancedToggle.click()
        await shots.settle()
        shots.grab_screen(out / f"advanced-{tag}.png")
        form.advancedToggle.click()

        form.modelCombo.setFocus()
        form.modelCombo.showPopup()
        await shots.settle()
        shots.grab_screen(out / f"model-popup-{tag}.png")
        form.modelCombo.hidePopup()

        session = window.connection.session
        assert session is not None
        window.open_settings()
        dialog = window.settings_dialog
        assert dialog is not None
        dialog.customRadio.setChecked(True)
        dialog.urlEdit.setText(session.url)
        dialog.tokenEdit.setText("not-the-right-token")
        dialog.test_connection()
        await shots.wait_for(lambda: dialog.testButton.isEnabled(), 30, "the connection test")
        await shots.settle()
        shots.grab_screen(out / f"settings-wrong-token-{tag}.png")
        dialog.reject()

        window.open_diagnostics()
        await shots.settle()
        shots.grab_screen(out / f"diagnostics-{tag}.png")
        if window.diagnostics_dialog is not None:
            window.diagnostics_dialog.accept()
    return 0


def main() -> int:
    return shots.run(scenario, shots.parse_args(shots.make_parser(__doc__)))


if __name__ == "__main__":
    sys.exit(main())
