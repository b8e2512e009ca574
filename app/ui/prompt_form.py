"""The prompt form: what to make, with which model, and the Generate button.

Everything the backend would refuse is caught here first, in words: an empty
prompt, a duration the model does not offer, a picture that is missing, too
large or not a JPEG/PNG/WebP. Generate stays disabled until the form is valid.
The form knows nothing about jobs; it emits `generateRequested`.
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QImage,
    QMouseEvent,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
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

from app.api.images import image_content_type
from app.api.models import (
    FRAME_RATES,
    MAX_PROMPT_CHARS,
    MAX_UPLOAD_BYTES,
    RESOLUTIONS,
    SHOT_SIZES,
    GenerationConfig,
    GenerationRequest,
    Style,
    aspect_of,
)
from app.ui import wording
from app.ui.icons import icon
from app.ui.tasks import run_in_thread
from app.ui.theme import set_style_property

translate = QCoreApplication.translate
log = logging.getLogger("framecast.ui")

SEED_MAX = 2**31 - 1
DEFAULT_DURATIONS = [5]


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


def format_price(amount: float | None) -> str:
    if amount is None:
        return translate("PromptForm", "price unknown")
    if amount <= 0:
        return translate("PromptForm", "Free")
    return f"${amount:,.2f}"


def model_item_text(model: GenerationConfig) -> str:
    return f"{model.display_name}  ★ VIP" if model.vip_required else model.display_name


def model_detail_text(model: GenerationConfig) -> str:
    """Mode and price, shown beside each model in the picker's list."""
    mode = (
        translate("PromptForm", "Image → video")
        if model.needs_image
        else translate("PromptForm", "Text → video")
    )
    if model.price_per_second is None:
        price = translate("PromptForm", "price unknown")
    elif model.price_per_second > 0:
        price = translate("PromptForm", "%1/s").replace("%1", f"${model.price_per_second:g}")
    else:
        price = translate("PromptForm", "Free")
    return f"{mode}  ·  {price}"


DETAIL_ROLE = Qt.ItemDataRole.UserRole + 2


class ModelItemDelegate(QStyledItemDelegate):
    """The model picker's rows: the label, with mode and price right-aligned."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 160, max(size.height(), 32))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        detail = index.data(DETAIL_ROLE)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        if detail:
            width = opt.fontMetrics.horizontalAdvance(str(detail)) + 16
            opt.rect = opt.rect.adjusted(0, 0, -width, 0)
        style = opt.widget.style() if opt.widget is not None else None
        if style is None:
            return
        full = QStyleOptionViewItem(option)
        self.initStyleOption(full, index)
        full.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, full, painter, opt.widget)
        opt.backgroundBrush = QBrush()
        opt.state &= ~QStyle.StateFlag.State_Selected
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if detail:
            painter.save()
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            painter.setPen(QColor("#ffffff" if selected else "#8b93a3"))
            rect = option.rect.adjusted(0, 0, -12, 0)
            painter.drawText(
                rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(detail)
            )
            painter.restore()


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

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            self.set_image(Path(urls[0].toLocalFile()))
            event.acceptProposedAction()


class PromptForm(QWidget):
    """The left column: prompt, model and settings, cost, Generate."""

    generateRequested = Signal(object, object)  # GenerationRequest, Path | None
    validityChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promptForm")
        self.models: list[GenerationConfig] = []
        self.styles: list[Style] = []
        self._valid = False
        self._busy = False

        heading = QLabel(self.tr("Describe your video"))
        heading.setProperty("role", "title")

        self.promptEdit = QPlainTextEdit()
        self.promptEdit.setObjectName("promptEdit")
        self.promptEdit.setAccessibleName(self.tr("Prompt"))
        self.promptEdit.setPlaceholderText(
            self.tr(
                "A lighthouse on a cliff at dusk, waves crashing below, "
                "warm light sweeping through the fog…"
            )
        )
        self.promptEdit.setTabChangesFocus(True)
        self.promptEdit.setMinimumHeight(110)
        self.promptEdit.textChanged.connect(self._on_prompt_changed)
        self.charCount = QLabel(f"0 / {MAX_PROMPT_CHARS}")
        self.charCount.setObjectName("charCount")
        self.charCount.setProperty("role", "muted")
        self.charCount.setAlignment(Qt.AlignmentFlag.AlignRight)

        self.modelCombo = QComboBox()
        self.modelCombo.setObjectName("modelCombo")
        self.modelCombo.setAccessibleName(self.tr("Model"))
        self.modelCombo.addItem(self.tr("Loading models…"))
        self.modelCombo.setEnabled(False)
        self.modelCombo.currentIndexChanged.connect(self._on_model_changed)
        self.modelCombo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.modelCombo.setMinimumContentsLength(16)
        self.modelCombo.setItemDelegate(ModelItemDelegate(self.modelCombo))

        self.durationCombo = QComboBox()
        self.durationCombo.setObjectName("durationCombo")
        self.durationCombo.setAccessibleName(self.tr("Duration"))
        self.durationCombo.currentIndexChanged.connect(self._revalidate)

        self.aspectCombo = QComboBox()
        self.aspectCombo.setObjectName("aspectCombo")
        self.aspectCombo.setAccessibleName(self.tr("Aspect ratio and resolution"))
        for width, height in RESOLUTIONS:
            self.aspectCombo.addItem(
                f"{aspect_of(width, height)}  ·  {width}×{height}", f"{width}x{height}"
            )

        self.styleCombo = QComboBox()
        self.styleCombo.setObjectName("styleCombo")
        self.styleCombo.setAccessibleName(self.tr("Style"))
        self.styleCombo.addItem(self.tr("No style"), None)

        self.shotCombo = QComboBox()
        self.shotCombo.setObjectName("shotCombo")
        self.shotCombo.setAccessibleName(self.tr("Shot size"))
        self.shotCombo.addItem(self.tr("Any shot"), None)
        for name in SHOT_SIZES:
            self.shotCombo.addItem(shot_size_label(name), name)

        self.fpsCombo = QComboBox()
        self.fpsCombo.setObjectName("fpsCombo")
        self.fpsCombo.setAccessibleName(self.tr("Frames per second"))
        for fps in FRAME_RATES:
            self.fpsCombo.addItem(self.tr("%1 fps").replace("%1", str(fps)), fps)

        self.seedSpin = QSpinBox()
        self.seedSpin.setObjectName("seedSpin")
        self.seedSpin.setAccessibleName(self.tr("Seed"))
        self.seedSpin.setRange(0, SEED_MAX)
        self.seedSpin.setValue(random.randint(0, SEED_MAX))
        self.seedSpin.lineEdit().setTextMargins(4, 0, 0, 0)
        self.seedSpin.setToolTip(self.tr("The same seed and settings give the same video"))
        self.shuffleButton = QToolButton()
        self.shuffleButton.setObjectName("shuffleSeedButton")
        self.shuffleButton.setAccessibleName(self.tr("New random seed"))
        self.shuffleButton.setToolTip(self.tr("New random seed"))
        self.shuffleButton.setIcon(icon("shuffle", "#c9cfdb"))
        self.shuffleButton.clicked.connect(self.shuffle_seed)

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
        self.advancedToggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advancedToggle.setArrowType(Qt.ArrowType.RightArrow)
        self.advancedToggle.toggled.connect(self._toggle_advanced)

        self.costLabel = QLabel("")
        self.costLabel.setObjectName("costLabel")
        self.costLabel.setAccessibleName(self.tr("Estimated cost"))
        self.validationLabel = QLabel("")
        self.validationLabel.setObjectName("validationLabel")
        self.validationLabel.setAccessibleName(self.tr("What to fix"))
        self.validationLabel.setProperty("role", "hint")
        self.validationLabel.setWordWrap(True)

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

        self.modelCaption = QLabel("")
        self.modelCaption.setObjectName("modelCaption")
        self.modelCaption.setProperty("role", "muted")
        self.modelCaption.setWordWrap(True)

        # Layout: the fields scroll; the cost and Generate stay pinned below them.
        prompt_box = QVBoxLayout()
        prompt_box.setSpacing(8)
        prompt_box.addWidget(heading)
        prompt_box.addWidget(self.promptEdit, 1)
        prompt_box.addWidget(self.charCount)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.addWidget(self._field(self.tr("Model")), 0, 0, 1, 2)
        grid.addWidget(self.modelCombo, 1, 0, 1, 2)
        grid.addWidget(self.modelCaption, 2, 0, 1, 2)
        grid.setRowMinimumHeight(3, 8)
        grid.addWidget(self._field(self.tr("Duration")), 4, 0)
        grid.addWidget(self._field(self.tr("Frame")), 4, 1)
        grid.addWidget(self.durationCombo, 5, 0)
        grid.addWidget(self.aspectCombo, 5, 1)
        grid.setRowMinimumHeight(6, 8)
        grid.addWidget(self._field(self.tr("Style")), 7, 0)
        grid.addWidget(self._field(self.tr("Seed")), 7, 1)
        grid.addWidget(self.styleCombo, 8, 0)
        seed_row = QHBoxLayout()
        seed_row.setSpacing(6)
        seed_row.addWidget(self.seedSpin, 1)
        seed_row.addWidget(self.shuffleButton)
        grid.addLayout(seed_row, 8, 1)

        self.advancedBox = QWidget()
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

        fields = QWidget()
        fields.setObjectName("formFields")
        body = QVBoxLayout(fields)
        body.setContentsMargins(20, 20, 20, 12)
        body.setSpacing(14)
        body.addLayout(prompt_box, 1)
        body.addLayout(grid)
        body.addWidget(self.imageLabel)
        body.addWidget(self.imageZone)
        body.addWidget(self.advancedToggle, 0, Qt.AlignmentFlag.AlignLeft)
        body.addWidget(self.advancedBox)
        scroll = QScrollArea()
        scroll.setObjectName("formScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(fields)

        footer = QFrame()
        footer.setObjectName("formFooter")
        foot = QVBoxLayout(footer)
        foot.setContentsMargins(20, 12, 20, 20)
        foot.setSpacing(8)
        foot.addWidget(self.costLabel)
        foot.addWidget(self.validationLabel)
        foot.addWidget(self.generateButton)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(scroll, 1)
        layout.addWidget(footer)
        self.imageLabel.hide()
        self.imageZone.hide()
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._revalidate()

    @staticmethod
    def _field(text: str) -> QLabel:
        label = QLabel(text)
        label.setProperty("role", "field")
        return label

    # ------------------------------------------------------------------ catalogue

    def set_catalogue(self, models: list[GenerationConfig], styles: list[Style]) -> None:
        current = self.current_model()
        self.models = list(models)
        self.styles = list(styles)
        self.modelCombo.blockSignals(True)
        self.modelCombo.clear()
        for model in self.models:
            self.modelCombo.addItem(
                icon("image" if model.needs_image else "film", "#9aa3b2"),
                model_item_text(model),
                model.name,
            )
            self.modelCombo.setItemData(
                self.modelCombo.count() - 1, model_detail_text(model), DETAIL_ROLE
            )
            self.modelCombo.setItemData(
                self.modelCombo.count() - 1, self._model_tooltip(model), Qt.ItemDataRole.ToolTipRole
            )
        if not self.models:
            self.modelCombo.addItem(self.tr("No models available"))
        self.modelCombo.setEnabled(bool(self.models))
        preferred = current or next((m for m in self.models if not m.needs_image), None)
        if preferred is not None:
            index = self.modelCombo.findData(preferred.name)
            if index >= 0:
                self.modelCombo.setCurrentIndex(index)
        self.modelCombo.blockSignals(False)
        style_name = self.styleCombo.currentData()
        self.styleCombo.clear()
        self.styleCombo.addItem(self.tr("No style"), None)
        for style in self.styles:
            self.styleCombo.addItem(style.display_name, style.name)
        if style_name:
            index = self.styleCombo.findData(style_name)
            if index >= 0:
                self.styleCombo.setCurrentIndex(index)
        self._on_model_changed()

    def set_catalogue_error(self, text: str) -> None:
        self.modelCombo.clear()
        self.modelCombo.addItem(text)
        self.modelCombo.setEnabled(False)
        self.models = []
        self._revalidate()

    def _model_tooltip(self, model: GenerationConfig) -> str:
        durations = ", ".join(map(wording.seconds, model.available_durations or DEFAULT_DURATIONS))
        lines = [model.display_name, model.name, self.tr("Durations: %1").replace("%1", durations)]
        if model.vip_required:
            lines.append(self.tr("Needs a VIP account"))
        return "\n".join(lines)

    def _caption(self, model: GenerationConfig) -> str:
        mode = self.tr("Animates a picture") if model.needs_image else self.tr("Text to video")
        if model.price_per_second is None:
            price = self.tr("price unknown")
        elif model.price_per_second > 0:
            price = self.tr("%1 per second").replace("%1", f"${model.price_per_second:g}")
        else:
            price = self.tr("Free")
        parts = [mode, price]
        if model.vip_required:
            parts.append(self.tr("★ VIP only"))
        return "  ·  ".join(parts)

    def current_model(self) -> GenerationConfig | None:
        name = self.modelCombo.currentData()
        for model in self.models:
            if model.name == name:
                return model
        return None

    def durations(self) -> list[int]:
        model = self.current_model()
        if model is None:
            return []
        return list(model.available_durations) or list(DEFAULT_DURATIONS)

    def _on_model_changed(self, *_: object) -> None:
        model = self.current_model()
        previous = self.durationCombo.currentData()
        self.durationCombo.blockSignals(True)
        self.durationCombo.clear()
        for seconds in self.durations():
            self.durationCombo.addItem(wording.seconds(seconds), seconds)
        index = self.durationCombo.findData(previous)
        if index < 0:
            index = max(0, self.durationCombo.findData(5))
        self.durationCombo.setCurrentIndex(index)
        self.durationCombo.blockSignals(False)
        needs_image = model is not None and model.needs_image
        self.modelCaption.setText(self._caption(model) if model is not None else "")
        self.modelCaption.setVisible(model is not None)
        self.imageLabel.setVisible(needs_image)
        self.imageZone.setVisible(needs_image)
        self._revalidate()

    # ------------------------------------------------------------------ values

    def prompt(self) -> str:
        return self.promptEdit.toPlainText()

    def frame_size(self) -> tuple[int, int]:
        width, height = str(self.aspectCombo.currentData() or "1280x720").split("x")
        return int(width), int(height)

    def shuffle_seed(self) -> None:
        self.seedSpin.setValue(random.randint(0, SEED_MAX))

    def _toggle_advanced(self, shown: bool) -> None:
        self.advancedBox.setVisible(shown)
        self.advancedToggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )

    def _on_prompt_changed(self) -> None:
        count = len(self.prompt())
        self.charCount.setText(f"{count} / {MAX_PROMPT_CHARS}")
        set_style_property(self.charCount, "over", count > MAX_PROMPT_CHARS)
        self._revalidate()

    def problem(self) -> str | None:
        """What stops this form from being sent, in words; None when it is valid."""
        model = self.current_model()
        text = self.prompt().strip()
        if model is None:
            return (
                self.tr("Waiting for the list of models…")
                if not self.models
                else self.tr("Choose a model.")
            )
        if not text:
            return self.tr("Describe the video you want to start.")
        if len(text) > MAX_PROMPT_CHARS:
            return self.tr("The prompt is too long: shorten it to %1 characters.").replace(
                "%1", str(MAX_PROMPT_CHARS)
            )
        duration = self.durationCombo.currentData()
        if duration not in self.durations():
            offered = ", ".join(map(wording.seconds, self.durations()))
            return self.tr("This model does not offer that duration. Choose %1.").replace(
                "%1", offered
            )
        if model.needs_image:
            if self.imageZone.checking:
                return self.tr("Checking the picture…")
            if self.imageZone.error:
                return self.imageZone.error
            if self.imageZone.image_path is None:
                return self.tr("This model animates a picture: add one above.")
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
        self.generateButton.setEnabled(valid and not self._busy)
        if valid != self._valid:
            self._valid = valid
            self.validityChanged.emit(valid)

    def _update_cost(self) -> None:
        model = self.current_model()
        duration = self.durationCombo.currentData()
        if model is None or not isinstance(duration, int):
            self.costLabel.setText("")
            return
        amount = model.price_for(duration)
        self.costLabel.setText(self.tr("Estimated cost: %1").replace("%1", format_price(amount)))

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.generateButton.setText(self.tr("Sending…") if busy else self.tr("Generate"))
        self._revalidate()

    def build_request(self) -> GenerationRequest:
        model = self.current_model()
        if model is None:
            raise ValueError("no model chosen")
        width, height = self.frame_size()
        return GenerationRequest(
            prompt=self.prompt().strip(),
            negative_prompt=self.negativeEdit.toPlainText().strip(),
            generation_config_name=model.name,
            duration=int(self.durationCombo.currentData()),
            aspect_ratio=aspect_of(width, height),
            width=width,
            height=height,
            seed=self.seedSpin.value(),
            frame_rate=int(self.fpsCombo.currentData()),
            shot_size=self.shotCombo.currentData(),
            style_name=self.styleCombo.currentData(),
        )

    def submit(self) -> None:
        if not self.is_valid() or self._busy:
            return
        model = self.current_model()
        image = self.imageZone.image_path if model is not None and model.needs_image else None
        self.generateRequested.emit(self.build_request(), image)

    def focus_prompt(self) -> None:
        self.promptEdit.setFocus()

    def new_prompt(self) -> None:
        self.promptEdit.clear()
        self.promptEdit.setFocus()

    def apply_request(self, request: GenerationRequest, image: Path | None = None) -> None:
        """Refill the form from an earlier generation ("Use these settings")."""
        self.promptEdit.setPlainText(request.prompt)
        self.negativeEdit.setPlainText(request.negative_prompt or "")
        index = self.modelCombo.findData(request.generation_config_name)
        if index >= 0:
            self.modelCombo.setCurrentIndex(index)
        seconds_index = self.durationCombo.findData(request.duration)
        if seconds_index < 0:
            # Keep the old value visible but invalid, so the creator sees why.
            self.durationCombo.addItem(
                self.tr("%1 (not offered)").replace("%1", wording.seconds(request.duration)),
                request.duration,
            )
            seconds_index = self.durationCombo.count() - 1
        self.durationCombo.setCurrentIndex(seconds_index)
        frame = self.aspectCombo.findData(f"{request.width}x{request.height}")
        if frame >= 0:
            self.aspectCombo.setCurrentIndex(frame)
        style = self.styleCombo.findData(request.style_name)
        self.styleCombo.setCurrentIndex(style if style >= 0 else 0)
        shot = self.shotCombo.findData(request.shot_size)
        self.shotCombo.setCurrentIndex(shot if shot >= 0 else 0)
        fps = self.fpsCombo.findData(request.frame_rate)
        if fps >= 0:
            self.fpsCombo.setCurrentIndex(fps)
        if request.seed is not None:
            self.seedSpin.setValue(min(request.seed, SEED_MAX))
        if image is not None:
            self.imageZone.set_image(image)
        self._revalidate()
        self.promptEdit.setFocus()
