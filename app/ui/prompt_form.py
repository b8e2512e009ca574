"""The prompt form: what to make, with which model, and the Generate button.

The rules of a request (durations, frames, seeds, a picture for image models,
VIP models) live in `app.api.requests`, shared with the command line; the
form offers only what the chosen model offers, asks that module what is wrong
and words it through `app.ui.wording`. A picture is checked off the GUI
thread. Generate stays disabled until the form is valid; the form knows
nothing about jobs and emits `generateRequested`.

The form remembers the model, duration, frame, style and "New seed each time"
between runs (in the window's state file), and keeps the keyboard where the
creator was: Tab follows the layout, and Generate never takes the focus away.
Earlier prompts come back in the prompt box (Up and Down, and the list behind
the clock button: `app.ui.prompt_recall`), and named presets keep every
setting but the prompt (`app.ui.presets`, through `form_settings` and
`apply_settings`).
"""

from __future__ import annotations

import itertools
import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRegularExpression,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QFontMetrics,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPixmap,
    QRegularExpressionValidator,
    QStandardItemModel,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.api import requests
from app.api.images import image_content_type
from app.api.models import (
    FRAME_RATES,
    MAX_PROMPT_CHARS,
    MAX_SEED,
    MAX_UPLOAD_BYTES,
    SHOT_SIZES,
    Account,
    GenerationConfig,
    GenerationRequest,
    Style,
)
from app.api.requests import Choices, Frame, ImageNeeded, RequestProblem
from app.store.presets import FormSettings, PresetStore
from app.ui import wording
from app.ui.icons import icon
from app.ui.presets import PresetBar
from app.ui.prompt_recall import PromptListPopup, PromptRecall
from app.ui.tasks import run_in_thread
from app.ui.theme import set_style_property

translate = QCoreApplication.translate
log = logging.getLogger("framecast.ui")

DETAIL_ROLE = Qt.ItemDataRole.UserRole + 2
#: Room in a model row: padding at each end, icon, and the gap before the mode and price.
ROW_PADDING = 12
ROW_ICON = 20
ROW_GAP = 24
#: The prompt box's height when the column has nothing to spare.
PROMPT_HEIGHT = 88
#: How long Advanced keeps itself in view while the layout settles.
REVEAL_MS = 800


def shot_size_label(name: str) -> str:
    labels = {
        "extreme_long_shot": translate("PromptForm", "Extreme long shot"),
        "long_shot": translate("PromptForm", "Long shot"),
        "medium_shot": translate("PromptForm", "Medium shot"),
        "medium_close_up": translate("PromptForm", "Medium close-up"),
        "close_up": translate("PromptForm", "Close-up"),
        "extreme_close_up": translate("PromptForm", "Extreme close-up"),
        "two_shot": translate("PromptForm", "Two shot"),
        "detail_shot": translate("PromptForm", "Detail shot"),
    }
    return labels.get(name, name.replace("_", " ").capitalize())


def model_item_text(model: GenerationConfig) -> str:
    return f"{model.display_name}  ★ VIP" if model.vip_required else model.display_name


def model_detail_text(model: GenerationConfig) -> str:
    """Mode and price, shown beside each model in the picker's list."""
    return f"{wording.model_mode(model)}  ·  {wording.price_per_second(model.price_per_second)}"


class ModelItemDelegate(QStyledItemDelegate):
    """The model picker's rows: icon and name, with mode and price right-aligned.

    A row asks for the width of all three, so the list opens wide enough to
    show every name whole (`PromptForm._fit_model_list`)."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(row_width(option.fontMetrics, index), max(size.height(), 32))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is None:
            return
        detail = str(index.data(DETAIL_ROLE) or "")
        # The row's background (hover, selection), then the name in what is
        # left once the detail has its room.
        background = QStyleOptionViewItem(opt)
        background.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, widget)
        name = QStyleOptionViewItem(opt)
        name.backgroundBrush = QBrush()
        name.state &= ~QStyle.StateFlag.State_Selected
        name.state &= ~QStyle.StateFlag.State_MouseOver
        if detail:
            room = opt.fontMetrics.horizontalAdvance(detail) + ROW_GAP
            name.rect = opt.rect.adjusted(0, 0, -room, 0)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, name, painter, widget)
        if detail:
            painter.save()
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            enabled = bool(opt.state & QStyle.StateFlag.State_Enabled)
            colour = "#ffffff" if selected else "#8b93a3" if enabled else "#5d6474"
            painter.setPen(QColor(colour))
            rect = option.rect.adjusted(0, 0, -ROW_PADDING, 0)
            align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(rect, align, detail)
            painter.restore()


def row_width(metrics: QFontMetrics, index: QModelIndex | QPersistentModelIndex) -> int:
    """The width a model row needs to show its name and its detail whole."""
    name = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
    detail = str(index.data(DETAIL_ROLE) or "")
    width = 2 * ROW_PADDING + ROW_ICON + metrics.horizontalAdvance(name)
    if detail:
        width += ROW_GAP + metrics.horizontalAdvance(detail)
    return width


class PromptEdit(QPlainTextEdit):
    """The prompt box: it asks for little height and takes what the column has
    to spare, so on a small screen the fields below it fit without scrolling."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), PROMPT_HEIGHT)


class SeedEdit(QLineEdit):
    """The seed as a whole number from 0 to 2**53 - 1, typed or shuffled.

    A spin box stops at 2**31 - 1 and would clamp the service's 14-digit
    seeds; this takes the digits as they are and `app.api.requests` checks
    the range."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,16}"), self))
        self.setMaxLength(16)
        self.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)

    def seed(self) -> int:
        """The seed typed, or `requests.BadSeed`."""
        return requests.parse_seed(self.text())

    def set_seed(self, seed: int) -> None:
        self.setText(str(seed))


@dataclass(frozen=True)
class ImageCheck:
    """The result of probing a picture off the GUI thread."""

    path: Path
    error: str | None
    preview: QImage | None


def check_image(path: Path) -> ImageCheck:
    """Is this a JPEG, PNG or WebP of at most 10 MB? Blocking: call off the GUI thread."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(16)
    except OSError:
        return ImageCheck(path, translate("PromptForm", "Can't read this file."), None)
    if image_content_type(head) is None:
        return ImageCheck(path, translate("PromptForm", "Use a JPEG, PNG or WebP picture."), None)
    if size > MAX_UPLOAD_BYTES:
        return ImageCheck(path, translate("PromptForm", "This picture is larger than 10 MB."), None)
    image = QImage(str(path))
    if image.isNull():
        return ImageCheck(path, translate("PromptForm", "This picture could not be opened."), None)
    preview = image.scaled(
        QSize(480, 270),
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    return ImageCheck(path, None, preview)


class ImageDropZone(QFrame):
    """Drop a picture here (or click to choose one) for image-to-video models."""

    imageChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageDropZone")
        self.setAccessibleName(self.tr("Source picture"))
        self.setAcceptDrops(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # Reachable with Tab; Space or Enter opens the chooser, as a click does.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(112)
        self.image_path: Path | None = None
        self.error: str | None = None
        self.checking = False
        self._pending: Path | None = None
        self.preview = QLabel()
        self.preview.setObjectName("imagePreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.hide()
        self.hint = QLabel(
            self.tr("Drop a picture here or click to choose\nJPEG, PNG or WebP, up to 10 MB")
        )
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setProperty("role", "muted")
        self.clearButton = QToolButton()
        self.clearButton.setObjectName("clearImageButton")
        self.clearButton.setText("✕")
        self.clearButton.setAccessibleName(self.tr("Remove picture"))
        self.clearButton.setToolTip(self.tr("Remove picture"))
        self.clearButton.clicked.connect(self.clear)
        self.clearButton.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.clearButton)
        layout.addLayout(top)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.hint, 1)
        self._dialog: QFileDialog | None = None

    def clear(self) -> None:
        self.image_path = None
        self.error = None
        self._pending = None
        self.preview.clear()
        self.preview.hide()
        self.hint.show()
        self.clearButton.hide()
        self.imageChanged.emit()

    def set_image(self, path: Path) -> None:
        """Check the picture off the GUI thread; the preview or an error follows."""
        self._pending = path
        self.checking = True
        self.imageChanged.emit()
        run_in_thread(lambda: check_image(path), self._checked)

    def _checked(self, result: ImageCheck | None, error: BaseException | None) -> None:
        if result is None or result.path != self._pending:
            return  # a newer choice replaced this one
        self.checking = False
        self._pending = None
        if result.error is not None or result.preview is None:
            self.image_path = None
            self.error = result.error or translate(
                "PromptForm", "This picture could not be opened."
            )
            self.preview.hide()
            self.hint.show()
            self.clearButton.hide()
        else:
            self.image_path = result.path
            self.error = None
            pixmap = QPixmap.fromImage(result.preview)
            self.preview.setPixmap(
                pixmap.scaled(
                    QSize(max(120, self.width() - 24), 150),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            self.preview.show()
            self.hint.hide()
            self.clearButton.show()
        self.imageChanged.emit()

    def choose(self) -> None:
        dialog = QFileDialog(self.window(), self.tr("Choose a picture"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Pictures (*.jpg *.jpeg *.png *.webp)"))
        dialog.fileSelected.connect(lambda name: self.set_image(Path(name)))
        self._dialog = dialog
        dialog.open()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.choose()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.choose()
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.image_path:
            self.clear()
            return
        super().keyPressEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            self.set_image(Path(urls[0].toLocalFile()))
            event.acceptProposedAction()


class FormMemory:
    """The form's choices kept between runs, in a group of an ini file."""

    KEYS = ("model", "duration", "frame", "style", "new_seed")

    def __init__(self, path: Path | None) -> None:
        self._settings = QSettings(str(path), QSettings.Format.IniFormat) if path else None

    def get(self, key: str) -> str | None:
        if self._settings is None:
            return None
        value = self._settings.value(f"form/{key}")
        return str(value) if value is not None else None

    def put(self, values: dict[str, str]) -> None:
        if self._settings is None:
            return
        for key, value in values.items():
            self._settings.setValue(f"form/{key}", value)


class PromptForm(QWidget):
    """The left column: prompt, model and settings, cost, Generate."""

    generateRequested = Signal(object, object)  # GenerationRequest, Path | None
    validityChanged = Signal(bool)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        memory_file: Path | None = None,
        presets_file: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("promptForm")
        self.preset_store = PresetStore(presets_file)
        self.models: list[GenerationConfig] = []
        self.styles: list[Style] = []
        self.account: Account | None = None
        self.memory = FormMemory(memory_file)
        self._valid = False
        self._busy = False
        self._build_fields()
        self._build_layout()
        self._set_tab_order()
        self._restore_seed_choice()
        self._watch_settings()
        self._revalidate()

    # ------------------------------------------------------------------ building

    def _build_fields(self) -> None:
        self.heading = QLabel(self.tr("Describe your video"))
        self.heading.setProperty("role", "title")

        self.promptEdit = PromptEdit()
        self.promptEdit.setObjectName("promptEdit")
        self.promptEdit.setAccessibleName(self.tr("Prompt"))
        self.promptEdit.setPlaceholderText(
            self.tr(
                "A lighthouse on a cliff at dusk, waves crashing below, "
                "warm light sweeping through the fog…"
            )
        )
        self.promptEdit.setTabChangesFocus(True)
        self.promptEdit.setMinimumHeight(PROMPT_HEIGHT)
        self.promptEdit.textChanged.connect(self._on_prompt_changed)
        self.recall = PromptRecall(self.promptEdit, self)
        self.recall.positionChanged.connect(self._show_recall)
        self.recallLabel = QLabel("")
        self.recallLabel.setObjectName("recallLabel")
        self.recallLabel.setProperty("role", "muted")
        self.recallButton = QToolButton()
        self.recallButton.setObjectName("promptHistoryButton")
        self.recallButton.setAccessibleName(wording.earlier_prompts())
        self.recallButton.setToolTip(wording.earlier_prompts_tip())
        self.recallButton.setIcon(icon("recent", "#c9cfdb"))
        self.recallButton.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.recallButton.clicked.connect(self.open_prompt_list)
        self.promptList: PromptListPopup | None = None
        self.presets = PresetBar(self.preset_store, self.form_settings, self.apply_settings)
        self.presetCombo = self.presets.presetCombo
        self.charCount = QLabel(f"0 / {MAX_PROMPT_CHARS}")
        self.charCount.setObjectName("charCount")
        self.charCount.setProperty("role", "muted")
        self.charCount.setAlignment(Qt.AlignmentFlag.AlignRight)

        self.modelCombo = self._combo("modelCombo", self.tr("Model"))
        self.modelCombo.addItem(self.tr("Loading models…"))
        self.modelCombo.setEnabled(False)
        self.modelCombo.currentIndexChanged.connect(self._on_model_changed)
        self.modelCombo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.modelCombo.setMinimumContentsLength(16)
        self.modelCombo.setItemDelegate(ModelItemDelegate(self.modelCombo))
        self.modelCaption = self._note("modelCaption", "muted")
        self.vipNote = self._note("vipNote", "muted")
        self.leftOutNote = self._note("leftOutNote", "muted")

        self.durationCombo = self._combo("durationCombo", self.tr("Duration"))
        self.durationCombo.currentIndexChanged.connect(self._revalidate)
        self.aspectCombo = self._combo("aspectCombo", self.tr("Aspect ratio and resolution"))
        self.aspectCombo.currentIndexChanged.connect(self._revalidate)
        self._fill_frames(requests.frames_of(None), self.memory.get("frame"))
        self.styleCombo = self._combo("styleCombo", self.tr("Style"))
        self.styleCombo.addItem(self.tr("No style"), None)
        self.shotCombo = self._combo("shotCombo", self.tr("Shot size"))
        self.shotCombo.addItem(self.tr("Any shot"), None)
        for name in SHOT_SIZES:
            self.shotCombo.addItem(shot_size_label(name), name)
        self.fpsCombo = self._combo("fpsCombo", self.tr("Frames per second"))
        for fps in FRAME_RATES:
            self.fpsCombo.addItem(wording.fps(fps), fps)
        for combo in (self.modelCombo, self.durationCombo, self.aspectCombo, self.styleCombo):
            combo.activated.connect(self._remember)  # the creator's choices, not the form's

        self.seedEdit = SeedEdit()
        self.seedEdit.setObjectName("seedEdit")
        self.seedEdit.setAccessibleName(self.tr("Seed"))
        self.seedEdit.setToolTip(
            self.tr(
                "The same seed and settings give the same video. Any whole number from 0 to %1."
            ).replace("%1", str(MAX_SEED))
        )
        self.seedEdit.set_seed(requests.random_seed())
        self.seedEdit.textChanged.connect(self._revalidate)
        self.seedEdit.textEdited.connect(self._seed_typed)
        self.shuffleButton = QToolButton()
        self.shuffleButton.setObjectName("shuffleSeedButton")
        self.shuffleButton.setAccessibleName(self.tr("New random seed"))
        self.shuffleButton.setToolTip(self.tr("New random seed"))
        self.shuffleButton.setIcon(icon("shuffle", "#c9cfdb"))
        self.shuffleButton.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.shuffleButton.clicked.connect(self.shuffle_seed)
        self.newSeedCheck = QCheckBox(self.tr("New seed each time"))
        self.newSeedCheck.setObjectName("newSeedCheck")
        self.newSeedCheck.setAccessibleName(self.tr("New seed each time"))
        self.newSeedCheck.setToolTip(
            self.tr(
                "Each Generate draws a new seed, so the same prompt gives a new video. "
                "Turn it off to keep the seed shown."
            )
        )
        self.newSeedCheck.setChecked(True)
        self.newSeedCheck.clicked.connect(self._remember)

        self.imageZone = ImageDropZone()
        self.imageZone.imageChanged.connect(self._revalidate)
        self.imageLabel = QLabel(self.tr("Source picture"))
        self.imageLabel.setProperty("role", "field")

        self.negativeEdit = QPlainTextEdit()
        self.negativeEdit.setObjectName("negativeEdit")
        self.negativeEdit.setAccessibleName(self.tr("Negative prompt"))
        self.negativeEdit.setPlaceholderText(self.tr("What the video should not show"))
        self.negativeEdit.setTabChangesFocus(True)
        self.negativeEdit.setFixedHeight(64)

        self.advancedToggle = QToolButton()
        self.advancedToggle.setObjectName("advancedToggle")
        self.advancedToggle.setText(self.tr("Advanced"))
        self.advancedToggle.setAccessibleName(self.tr("Advanced settings"))
        self.advancedToggle.setCheckable(True)
        self.advancedToggle.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.advancedToggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advancedToggle.setArrowType(Qt.ArrowType.RightArrow)
        self.advancedToggle.toggled.connect(self._toggle_advanced)

        self.costLabel = QLabel("")
        self.costLabel.setObjectName("costLabel")
        self.costLabel.setAccessibleName(self.tr("Estimated cost"))
        self.costLabel.setToolTip(wording.not_charged())
        self.balanceLabel = self._note("balanceLabel", "hint")
        self.validationLabel = self._note("validationLabel", "hint")
        self.validationLabel.setAccessibleName(self.tr("What to fix"))

        self.generateButton = QPushButton(self.tr("Generate"))
        self.generateButton.setObjectName("generateButton")
        self.generateButton.setAccessibleName(self.tr("Generate"))
        self.generateButton.setProperty("role", "primary")
        self.generateButton.setIcon(icon("sparkle", "#ffffff"))
        self.generateButton.setIconSize(QSize(18, 18))
        self.generateButton.setToolTip(self.tr("Generate (Ctrl+Enter)"))
        self.generateButton.setMinimumHeight(48)
        self.generateButton.setEnabled(False)
        self.generateButton.clicked.connect(self.submit)
        self._build_takes()

    def _build_layout(self) -> None:
        prompt_box = QVBoxLayout()
        prompt_box.setSpacing(8)
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.heading, 1)
        heading_row.addWidget(self.recallButton)
        prompt_box.addLayout(heading_row)
        prompt_box.addWidget(self.promptEdit, 1)
        count_row = QHBoxLayout()
        count_row.addWidget(self.recallLabel, 1)
        count_row.addWidget(self.charCount)
        prompt_box.addLayout(count_row)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.addWidget(self._field(self.tr("Model")), 0, 0, 1, 2)
        grid.addWidget(self.modelCombo, 1, 0, 1, 2)
        grid.addWidget(self.modelCaption, 2, 0, 1, 2)
        grid.addWidget(self.vipNote, 3, 0, 1, 2)
        grid.addWidget(self.leftOutNote, 4, 0, 1, 2)
        grid.setRowMinimumHeight(5, 8)
        grid.addWidget(self._field(self.tr("Duration")), 6, 0)
        grid.addWidget(self._field(self.tr("Frame")), 6, 1)
        grid.addWidget(self.durationCombo, 7, 0)
        grid.addWidget(self.aspectCombo, 7, 1)
        grid.setRowMinimumHeight(8, 8)
        grid.addWidget(self._field(self.tr("Style")), 9, 0)
        grid.addWidget(self._field(self.tr("Seed")), 9, 1)
        grid.addWidget(self.styleCombo, 10, 0)
        seed_row = QHBoxLayout()
        seed_row.setSpacing(6)
        seed_row.addWidget(self.seedEdit, 1)
        seed_row.addWidget(self.shuffleButton)
        grid.addLayout(seed_row, 10, 1)
        grid.addWidget(self.newSeedCheck, 11, 1)

        self.advancedBox = QWidget()
        self.advancedBox.setObjectName("advancedBox")
        advanced = QGridLayout(self.advancedBox)
        advanced.setContentsMargins(0, 0, 0, 0)
        advanced.setHorizontalSpacing(12)
        advanced.setVerticalSpacing(4)
        advanced.setColumnStretch(0, 1)
        advanced.setColumnStretch(1, 1)
        advanced.addWidget(self._field(self.tr("Shot size")), 0, 0)
        advanced.addWidget(self._field(self.tr("Frame rate")), 0, 1)
        advanced.addWidget(self.shotCombo, 1, 0)
        advanced.addWidget(self.fpsCombo, 1, 1)
        advanced.setRowMinimumHeight(2, 8)
        advanced.addWidget(self._field(self.tr("Negative prompt")), 3, 0, 1, 2)
        advanced.addWidget(self.negativeEdit, 4, 0, 1, 2)
        self.advancedBox.hide()

        self.fields = QWidget()
        self.fields.setObjectName("formFields")
        body = QVBoxLayout(self.fields)
        body.setContentsMargins(20, 18, 20, 12)
        body.setSpacing(12)
        body.addLayout(prompt_box, 1)
        presets = QVBoxLayout()
        presets.setSpacing(4)
        presets.addWidget(self._field(wording.preset()))
        presets.addWidget(self.presets)
        body.addLayout(presets)
        body.addLayout(grid)
        body.addWidget(self.imageLabel)
        body.addWidget(self.imageZone)
        body.addWidget(self.advancedToggle, 0, Qt.AlignmentFlag.AlignLeft)
        body.addWidget(self.advancedBox)
        self.scrollArea = QScrollArea()
        self.scrollArea.setObjectName("formScroll")
        self.scrollArea.setWidgetResizable(True)
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollArea.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scrollArea.setWidget(self.fields)
        self._reveal_advanced = False
        self.fields.installEventFilter(self)
        self.scrollArea.verticalScrollBar().actionTriggered.connect(self._stop_revealing)

        footer = QFrame()
        footer.setObjectName("formFooter")
        foot = QVBoxLayout(footer)
        foot.setContentsMargins(20, 12, 20, 20)
        foot.setSpacing(8)
        foot.addWidget(self.costLabel)
        foot.addWidget(self.balanceLabel)
        foot.addWidget(self.validationLabel)
        foot.addWidget(self.waitingNote)
        generate_row = QHBoxLayout()
        generate_row.setSpacing(8)
        generate_row.addWidget(self.takesBox)
        generate_row.addWidget(self.generateButton, 1)
        foot.addLayout(generate_row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.scrollArea, 1)
        layout.addWidget(footer)
        self.imageLabel.hide()
        self.imageZone.hide()
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

    def _set_tab_order(self) -> None:
        """Tab walks the form as it reads: top to bottom, left to right."""
        chain: list[QWidget] = [
            self.promptEdit,
            self.recallButton,
            self.presetCombo,
            self.presets.actionsButton,
            self.modelCombo,
            self.durationCombo,
            self.aspectCombo,
            self.styleCombo,
            self.seedEdit,
            self.shuffleButton,
            self.newSeedCheck,
            self.imageZone,
            self.advancedToggle,
            self.shotCombo,
            self.fpsCombo,
            self.negativeEdit,
            self.takesSpin,
            self.generateButton,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    @staticmethod
    def _combo(name: str, accessible: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        return combo

    @staticmethod
    def _note(name: str, role: str) -> QLabel:
        label = QLabel("")
        label.setObjectName(name)
        label.setProperty("role", role)
        label.setWordWrap(True)
        label.hide()
        return label

    @staticmethod
    def _field(text: str) -> QLabel:
        label = QLabel(text)
        label.setProperty("role", "field")
        return label

    # ------------------------------------------------------------------ catalogue and account

    def set_catalogue(
        self,
        models: list[GenerationConfig] | tuple[GenerationConfig, ...],
        styles: list[Style] | tuple[Style, ...],
        left_out: tuple[GenerationConfig, ...] = (),
    ) -> None:
        """The models to offer, the styles, and what the backend has that
        Framecast can't start (named under the picker, with why)."""
        wanted = self.modelCombo.currentData() if self.models else self.memory.get("model")
        self.models = list(models)
        self.styles = list(styles)
        self.modelCombo.blockSignals(True)
        self.modelCombo.clear()
        for model in self.models:
            kind = "image" if model.needs_image else "film"
            self.modelCombo.addItem(icon(kind, "#9aa3b2"), model_item_text(model), model.name)
            self.modelCombo.setItemData(
                self.modelCombo.count() - 1, model_detail_text(model), DETAIL_ROLE
            )
        if not self.models:
            self.modelCombo.addItem(self.tr("No models available"))
        self.modelCombo.setEnabled(bool(self.models))
        self._mark_locked()
        self._select_model(wanted)
        self.modelCombo.blockSignals(False)
        self._fit_model_list()
        self.leftOutNote.setText(wording.left_out_note(len(left_out)) if left_out else "")
        self.leftOutNote.setToolTip("\n".join(map(wording.left_out_reason, left_out)))
        self.leftOutNote.setVisible(bool(left_out))
        wanted_style = self.styleCombo.currentData() or self.memory.get("style")
        self.styleCombo.clear()
        self.styleCombo.addItem(self.tr("No style"), None)
        for style in self.styles:
            self.styleCombo.addItem(style.display_name, style.name)
        index = self.styleCombo.findData(wanted_style) if wanted_style else -1
        self.styleCombo.setCurrentIndex(max(0, index))
        self._on_model_changed()

    def set_catalogue_error(self, text: str) -> None:
        self.modelCombo.clear()
        self.modelCombo.addItem(text)
        self.modelCombo.setEnabled(False)
        self.models = []
        self._revalidate()

    def set_account(self, account: Account | None) -> None:
        """The signed-in account: VIP models it may not use, and its balance."""
        self.account = account
        current = self.current_model()
        self.modelCombo.blockSignals(True)
        self._mark_locked()
        if current is not None and requests.vip_locked(current, account):
            self._select_model(None)
        self.modelCombo.blockSignals(False)
        self._on_model_changed()

    def _select_model(self, wanted: str | None) -> None:
        """The wanted model when it is offered and allowed, else the first
        allowed text model, else the first allowed one."""
        allowed = [m for m in self.models if not requests.vip_locked(m, self.account)]
        choice = next((m for m in allowed if m.name == wanted), None)
        choice = choice or next((m for m in allowed if not m.needs_image), None)
        choice = choice or (allowed[0] if allowed else None)
        if choice is not None:
            self.modelCombo.setCurrentIndex(self.modelCombo.findData(choice.name))

    def _mark_locked(self) -> None:
        """VIP models this account may not use stay listed, greyed and not selectable."""
        model = self.modelCombo.model()
        locked_any = False
        for row, config in enumerate(self.models):
            locked = requests.vip_locked(config, self.account)
            locked_any = locked_any or locked
            if isinstance(model, QStandardItemModel):
                item = model.item(row)
                if item is not None:
                    item.setEnabled(not locked)
            tip = wording.model_tooltip(config, requests.durations_of(config), locked)
            self.modelCombo.setItemData(row, tip, Qt.ItemDataRole.ToolTipRole)
        self.vipNote.setText(wording.vip_locked_note() if locked_any else "")
        self.vipNote.setVisible(locked_any)

    def _fit_model_list(self) -> None:
        """Open the model list wide enough for its longest row, name and detail whole."""
        view = self.modelCombo.view()
        metrics = view.fontMetrics()
        model = self.modelCombo.model()
        widest = max(
            (row_width(metrics, model.index(row, 0)) for row in range(model.rowCount())),
            default=0,
        )
        frame = 2 * view.frameWidth() + 8  # the list's frame and the stylesheet's padding
        scrollbar = view.verticalScrollBar().sizeHint().width()
        view.setMinimumWidth(widest + frame + scrollbar)

    def current_model(self) -> GenerationConfig | None:
        name = self.modelCombo.currentData()
        return next((m for m in self.models if m.name == name), None)

    def durations(self) -> list[int]:
        model = self.current_model()
        return list(requests.durations_of(model)) if model is not None else []

    def _on_model_changed(self, *_: object) -> None:
        model = self.current_model()
        self._fill_durations(model)
        self._fill_frames(requests.frames_of(model), self.memory.get("frame"))
        needs_image = model is not None and model.needs_image
        self.modelCaption.setText(wording.model_caption(model) if model is not None else "")
        self.modelCaption.setVisible(model is not None)
        self.imageLabel.setVisible(needs_image)
        self.imageZone.setVisible(needs_image)
        self._revalidate()

    def _fill_durations(self, model: GenerationConfig | None) -> None:
        previous = self.durationCombo.currentData()
        if previous is None:
            remembered = self.memory.get("duration")
            previous = int(remembered) if remembered and remembered.isdigit() else None
        self.durationCombo.blockSignals(True)
        self.durationCombo.clear()
        if model is not None:
            for seconds in requests.durations_of(model):
                self.durationCombo.addItem(wording.seconds(seconds), seconds)
            index = self.durationCombo.findData(previous)
            if index < 0:
                index = self.durationCombo.findData(requests.default_duration(model))
            self.durationCombo.setCurrentIndex(index)
        self.durationCombo.blockSignals(False)

    def _fill_frames(self, frames: tuple[Frame, ...], remembered: str | None) -> None:
        previous = self.aspectCombo.currentData() or remembered
        self.aspectCombo.blockSignals(True)
        self.aspectCombo.clear()
        for frame in frames:
            self.aspectCombo.addItem(wording.frame_text(frame), frame.key)
        self.aspectCombo.setCurrentIndex(max(0, self.aspectCombo.findData(previous)))
        self.aspectCombo.blockSignals(False)

    def _remember(self, *_: object) -> None:
        self.memory.put(
            {
                "model": str(self.modelCombo.currentData() or ""),
                "duration": str(self.durationCombo.currentData() or ""),
                "frame": str(self.aspectCombo.currentData() or ""),
                "style": str(self.styleCombo.currentData() or ""),
                "new_seed": "true" if self.newSeedCheck.isChecked() else "false",
            }
        )

    def _restore_seed_choice(self) -> None:
        self.newSeedCheck.setChecked(self.memory.get("new_seed") != "false")

    # ------------------------------------------------------------------ values

    def prompt(self) -> str:
        return self.promptEdit.toPlainText()

    def frame_size(self) -> tuple[int, int]:
        width, height = str(self.aspectCombo.currentData() or "1280x720").split("x")
        return int(width), int(height)

    def shuffle_seed(self) -> None:
        self.seedEdit.set_seed(requests.random_seed())

    def _seed_typed(self, _text: str) -> None:
        # A seed typed by hand is one the creator wants: keep it.
        self.newSeedCheck.setChecked(False)

    def _toggle_advanced(self, shown: bool) -> None:
        self.advancedBox.setVisible(shown)
        self.advancedToggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self._reveal_advanced = shown
        if shown:
            # The fields grow as the layout settles (wrapped text, the scroll
            # bar appearing): keep them in view while it does, until the
            # creator scrolls or a moment has passed.
            QTimer.singleShot(0, self._show_advanced)
            QTimer.singleShot(REVEAL_MS, self._stop_revealing)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.fields and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self._show_advanced)
        return super().eventFilter(watched, event)

    def _show_advanced(self) -> None:
        if self._reveal_advanced and self.advancedBox.isVisible():
            self.scrollArea.ensureWidgetVisible(self.advancedBox, 0, 8)

    def _stop_revealing(self, *_: object) -> None:
        self._reveal_advanced = False

    def _on_prompt_changed(self) -> None:
        count = len(self.prompt())
        self.charCount.setText(f"{count} / {MAX_PROMPT_CHARS}")
        set_style_property(self.charCount, "over", count > MAX_PROMPT_CHARS)
        self._revalidate()

    def choices(self) -> Choices:
        """What the form says now; an unreadable seed goes as None (see `problem`)."""
        try:
            seed: int | None = self.seedEdit.seed()
        except RequestProblem:
            seed = None
        duration = self.durationCombo.currentData()
        return Choices(
            prompt=self.prompt(),
            model=self.current_model(),
            duration=duration if isinstance(duration, int) else None,
            size=self.frame_size(),
            seed=seed,
            frame_rate=self.fpsCombo.currentData(),
            shot_size=self.shotCombo.currentData(),
            style_name=self.styleCombo.currentData(),
            negative_prompt=self.negativeEdit.toPlainText(),
            has_image=self.imageZone.image_path is not None,
            account=self.account,
        )

    def problem(self) -> str | None:
        """What stops this form from being sent, in words; None when it is valid."""
        if self.current_model() is None:
            return (
                self.tr("Waiting for the list of models…")
                if not self.models
                else self.tr("Choose a model.")
            )
        try:
            requests.build_request(self.choices())
            self.seedEdit.seed()
        except ImageNeeded as problem:
            if self.imageZone.checking:
                return self.tr("Checking the picture…")
            return self.imageZone.error or wording.request_problem(problem)
        except RequestProblem as problem:
            return wording.request_problem(problem)
        return None

    def is_valid(self) -> bool:
        return self._valid

    def _revalidate(self, *_: object) -> None:
        problem = self.problem()
        valid = problem is None
        # An empty form is not an error yet: say it gently.
        gentle = problem is not None and not self.prompt().strip()
        set_style_property(self.validationLabel, "role", "muted" if gentle else "hint")
        self.validationLabel.setText(problem or "")
        self.validationLabel.setVisible(bool(problem))
        self._update_cost()
        self.generateButton.setEnabled(valid or self._busy)
        if valid != self._valid:
            self._valid = valid
            self.validityChanged.emit(valid)

    def _update_cost(self) -> None:
        model = self.current_model()
        duration = self.durationCombo.currentData()
        if model is None or not isinstance(duration, int):
            self.costLabel.setText("")
            self.balanceLabel.hide()
            return
        one = model.price_for(duration)
        amount = one * self.takes() if one is not None else None
        self.costLabel.setText(wording.takes_cost(amount, self.takes()))
        balance = self.account.balance if self.account is not None else None
        short = amount is not None and balance is not None and amount > balance
        self.balanceLabel.setText(wording.balance_short(balance, amount) if short else "")
        self.balanceLabel.setVisible(short)

    # ------------------------------------------------------------------ takes and the queue

    def _build_takes(self) -> None:
        """The Takes control beside Generate, and the note on the videos waiting ahead."""
        self.takesSpin = QSpinBox()
        self.takesSpin.setObjectName("takesSpin")
        self.takesSpin.setRange(1, requests.MAX_TAKES)
        self.takesSpin.setAccessibleName(self.tr("Takes"))
        self.takesSpin.setToolTip(wording.takes_tooltip())
        self.takesSpin.setMinimumHeight(48)
        self.takesSpin.setFixedWidth(44)
        self.takesSpin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.takesSpin.valueChanged.connect(self._revalidate)
        takes_label = QLabel(self.tr("Takes"))
        takes_label.setProperty("role", "field")
        takes_label.setBuddy(self.takesSpin)
        # The theme hides a spin box's arrows: − and + beside it say it can change.
        fewer = self._step_button("fewerTakesButton", "−", self.tr("Fewer takes"))
        fewer.clicked.connect(self.takesSpin.stepDown)
        more = self._step_button("moreTakesButton", "+", self.tr("More takes"))
        more.clicked.connect(self.takesSpin.stepUp)
        self.takesBox = QWidget()
        box = QHBoxLayout(self.takesBox)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        box.addWidget(takes_label)
        box.addSpacing(2)
        box.addWidget(fewer)
        box.addWidget(self.takesSpin)
        box.addWidget(more)
        self.waitingNote = self._note("waitingNote", "muted")

    @staticmethod
    def _step_button(name: str, text: str, accessible: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setText(text)
        button.setAccessibleName(accessible)
        button.setToolTip(accessible)
        button.setFixedSize(28, 48)
        # Not in the Tab chain: the spin box itself takes the arrow keys.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def takes(self) -> int:
        """How many videos one press of Generate makes (seeds counting up)."""
        return self.takesSpin.value()

    def set_waiting_note(self, text: str) -> None:
        """What happens to the next video when it can't be sent at once (empty: it is)."""
        self.waitingNote.setText(text)
        self.waitingNote.setVisible(bool(text))

    def set_busy(self, busy: bool) -> None:
        """While a request is being sent, Generate waits. It stays enabled
        (looking busy) so a creator who pressed it keeps the keyboard there."""
        self._busy = busy
        self.generateButton.setText(self.tr("Sending…") if busy else self.tr("Generate"))
        set_style_property(self.generateButton, "busy", busy)
        self._revalidate()

    def build_request(self) -> GenerationRequest:
        """The request the form describes; a RequestProblem when it is not valid."""
        choices = self.choices()
        self.seedEdit.seed()  # an unreadable seed is refused, never sent as "none"
        return requests.build_request(choices)

    def submit(self) -> None:
        if not self.is_valid() or self._busy:
            return
        if self.newSeedCheck.isChecked():
            self.shuffle_seed()  # shown, so the video can be made again
        model = self.current_model()
        image = self.imageZone.image_path if model is not None and model.needs_image else None
        request = self.build_request()
        self.recall.note_used(request.prompt)
        self.generateRequested.emit(request, image)

    def focus_prompt(self) -> None:
        self.promptEdit.setFocus()

    def new_prompt(self) -> None:
        self.promptEdit.clear()
        self.promptEdit.setFocus()

    def apply_request(self, request: GenerationRequest, image: Path | None = None) -> None:
        """Refill the form from an earlier generation ("Use these settings"),
        its seed exactly, so Generate makes that video again."""
        self.promptEdit.setPlainText(request.prompt)
        self.negativeEdit.setPlainText(request.negative_prompt or "")
        index = self.modelCombo.findData(request.generation_config_name)
        if index >= 0:
            self.modelCombo.setCurrentIndex(index)
        self._pick(self.durationCombo, request.duration, wording.seconds(request.duration))
        frame = Frame(request.width, request.height)
        self._pick(self.aspectCombo, frame.key, wording.frame_text(frame))
        style = self.styleCombo.findData(request.style_name)
        self.styleCombo.setCurrentIndex(style if style >= 0 else 0)
        shot = self.shotCombo.findData(request.shot_size)
        self.shotCombo.setCurrentIndex(shot if shot >= 0 else 0)
        fps = self.fpsCombo.findData(request.frame_rate)
        if fps >= 0:
            self.fpsCombo.setCurrentIndex(fps)
        if request.seed is not None:
            self.seedEdit.set_seed(request.seed)
            self.newSeedCheck.setChecked(False)
        if image is not None:
            self.imageZone.set_image(image)
        self._revalidate()
        self.promptEdit.setFocus()

    def continue_from(self, image: Path, prompt: str) -> bool:
        """Set up an image-to-video job from `image` (a clip's last frame): an
        image-to-video model (the one chosen, else `requests.pick_model`'s), the
        picture, and `prompt` focused, ready to edit; the creator presses
        Generate. False, changing nothing, when the catalogue has no such model."""
        model = self.current_model()
        if model is None or not model.needs_image or requests.vip_locked(model, self.account):
            model = requests.pick_model(self.models, None, wants_image=True, account=self.account)
        if model is None:
            return False
        self.modelCombo.setCurrentIndex(self.modelCombo.findData(model.name))
        self.promptEdit.setPlainText(prompt)
        self.imageZone.set_image(image)
        self.promptEdit.moveCursor(QTextCursor.MoveOperation.End)
        self.promptEdit.setFocus()
        return True

    def _pick(self, combo: QComboBox, value: object, text: str) -> None:
        """Select `value`; one the model does not offer stays visible, marked,
        so the creator sees why Generate waits."""
        index = combo.findData(value)
        if index < 0:
            combo.addItem(self.tr("%1 (not offered)").replace("%1", text), value)
            index = combo.count() - 1
        combo.setCurrentIndex(index)

    # ------------------------------------------------------------------ earlier prompts

    def set_earlier_prompts(self, prompts: list[str]) -> None:
        """The history's prompts, newest first (the window reads them off the GUI thread)."""
        self.recall.set_earlier(prompts)

    def _show_recall(self, which: int, count: int) -> None:
        text = wording.recall_position(which, count) if which else ""
        self.recallLabel.setText(text)
        self.promptEdit.setAccessibleDescription(text)

    def open_prompt_list(self) -> None:
        """The searchable list of earlier prompts, under the prompt box's top edge."""
        if self.promptList is None:
            self.promptList = PromptListPopup(self)
            self.promptList.chosen.connect(self.use_prompt)
        self.promptList.set_prompts(self.recall.prompts())
        edit = self.promptEdit
        self.promptList.show_at(edit.mapToGlobal(edit.rect().topLeft()), edit.width())

    def use_prompt(self, prompt: str) -> None:
        """Put an earlier prompt in the box (Ctrl+Z brings back what was there)."""
        self.recall.leave()
        cursor = self.promptEdit.textCursor()
        cursor.select(cursor.SelectionType.Document)
        cursor.insertText(prompt)
        self.promptEdit.setTextCursor(cursor)
        self.promptEdit.setFocus()

    # ------------------------------------------------------------------ presets

    def form_settings(self) -> FormSettings:
        """Every setting of the form but the prompt, for a preset."""
        new_seed = self.newSeedCheck.isChecked()
        try:
            seed: int | None = None if new_seed else self.seedEdit.seed()
        except RequestProblem:
            seed = None
        takes = self.findChild(QSpinBox, "takesSpin")  # where the form has takes
        return FormSettings(
            model=self.modelCombo.currentData() if self.models else None,
            style=self.styleCombo.currentData(),
            duration=self.durationCombo.currentData(),
            frame=self.aspectCombo.currentData(),
            new_seed=new_seed,
            seed=seed,
            takes=takes.value() if takes is not None else None,
            shot_size=self.shotCombo.currentData(),
            frame_rate=self.fpsCombo.currentData(),
            negative_prompt=self.negativeEdit.toPlainText(),
        )

    def apply_settings(self, settings: FormSettings) -> list[tuple[str, str]]:
        """Use a preset's settings; returns those the form can't offer now
        (setting, value as shown), which keep the form's own choice."""
        gaps: list[tuple[str, str]] = []
        if settings.model is not None:
            offered = next((m for m in self.models if m.name == settings.model), None)
            if offered is not None and not requests.vip_locked(offered, self.account):
                self.modelCombo.setCurrentIndex(self.modelCombo.findData(settings.model))
            else:
                gaps.append(("model", offered.display_name if offered else settings.model))
        wanted: tuple[tuple[QComboBox, str, object], ...] = (
            (self.durationCombo, "duration", settings.duration),
            (self.aspectCombo, "frame", settings.frame),
            (self.shotCombo, "shot_size", settings.shot_size),
            (self.fpsCombo, "frame_rate", settings.frame_rate),
            (self.styleCombo, "style", settings.style),
        )
        for combo, name, value in wanted:
            if value is not None and not self._choose(combo, value):
                gaps.append((name, preset_value_text(name, value)))
        # No style and any shot are choices too (the lists' first rows).
        for combo, value in (
            (self.styleCombo, settings.style),
            (self.shotCombo, settings.shot_size),
        ):
            if value is None:
                combo.setCurrentIndex(0)
        self.negativeEdit.setPlainText(settings.negative_prompt)
        self.newSeedCheck.setChecked(settings.new_seed)
        if not settings.new_seed and settings.seed is not None:
            self.seedEdit.set_seed(settings.seed)
        takes = self.findChild(QSpinBox, "takesSpin")
        if settings.takes is not None and takes is not None:
            if takes.minimum() <= settings.takes <= takes.maximum():
                takes.setValue(settings.takes)
            else:
                gaps.append(("takes", str(settings.takes)))
        self._remember()  # the creator chose these: they are the form's choices now
        self._revalidate()
        return gaps

    @staticmethod
    def _choose(combo: QComboBox, value: object) -> bool:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)
        return index >= 0

    def _watch_settings(self) -> None:
        """Changing a setting after choosing a preset leaves the preset (the picker shows none)."""
        touched = self.presets.form_changed
        for combo in (
            self.modelCombo,
            self.durationCombo,
            self.aspectCombo,
            self.styleCombo,
            self.shotCombo,
            self.fpsCombo,
        ):
            combo.currentIndexChanged.connect(lambda *_: touched())
        self.seedEdit.textChanged.connect(lambda *_: touched())
        self.newSeedCheck.toggled.connect(lambda *_: touched())
        self.negativeEdit.textChanged.connect(touched)


def preset_value_text(setting: str, value: object) -> str:
    """A preset's value as the form shows it (in the note on what it could not use)."""
    if setting == "duration" and isinstance(value, int):
        return wording.seconds(value)
    if setting == "frame_rate" and isinstance(value, int):
        return wording.fps(value)
    if setting == "frame":
        return str(value).replace("x", "×")
    if setting == "shot_size":
        return shot_size_label(str(value))
    return str(value)
