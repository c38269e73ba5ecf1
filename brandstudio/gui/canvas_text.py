"""Typing on the canvas: a text layer's text edited in place, shown as the engine renders it.

The canvas switches into this on a double-click on a text layer, or Enter / F2 with one
selected. Qt draws no letters: every change goes to the document (the post's content for the
layer's slot, as the Content panel edits it; the layer's own text when it has no slot) and the
render shows it; the caret, the selection and a frame are drawn from the engine's layout of
the layer (:mod:`brandstudio.render.text_layout`), which comes with each render, so they sit
on the very letters the export has. One editing session is one undo step ("Edit Headline").

Keys: arrows, Shift+arrows, Home/End, Backspace/Delete, Ctrl+A, Ctrl+C/X/V; Shift+Enter
starts a new line; Enter, Esc or a click outside the layer finish. Double-click and Enter/F2
start with all the text selected (typing replaces it); a click in the layer places the caret
and a drag selects. Input methods commit their text (the preedit is not shown in the render).
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPen,
    QPolygonF,
    QTransform,
)

from brandstudio.gui.render_service import RenderResult
from brandstudio.model.edits import update_props
from brandstudio.model.layers import TextLayer
from brandstudio.render.assets import slot_value
from brandstudio.render.characters import graphemes
from brandstudio.render.text_layout import TextLayout

if TYPE_CHECKING:
    from brandstudio.gui.canvas import Canvas

_sessions = itertools.count(1)

_MOVES = {
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
}


def _boundaries(text: str) -> list[int]:
    """Grapheme boundaries of ``text``: where the caret may stop."""
    stops = [0]
    for cluster in graphemes(text):
        stops.append(stops[-1] + len(cluster))
    return stops


class CanvasText(QObject):
    """The text editing state of one canvas: which layer, its text, caret and selection."""

    def __init__(self, canvas: Canvas) -> None:
        super().__init__(canvas)
        self.canvas = canvas
        self.layer_id: str | None = None
        self.text = ""
        self.caret = 0
        self.anchor = 0
        """The other end of the selection (== caret: none)."""
        self.layout: TextLayout | None = None
        self._session = 0
        self._writing = False
        self._dragging = False

    @property
    def active(self) -> bool:
        return self.layer_id is not None

    # -- starting and finishing --

    def can_edit(self, layer_id: str | None) -> bool:
        document = self.canvas.studio.document
        if document is None or layer_id is None:
            return False
        known = {layer.id: layer for layer in document.template.layers}
        return isinstance(known.get(layer_id), TextLayer)

    def start(self, layer_id: str) -> bool:
        """Edit ``layer_id``'s text, all of it selected; False for a layer without text."""
        if not self.can_edit(layer_id):
            return False
        document = self.canvas.studio.document
        assert document is not None
        if self.layer_id != layer_id:
            self.finish()
        document.select([layer_id])
        self.layer_id = layer_id
        self.text = self._document_text()
        self.anchor, self.caret = 0, len(self.text)
        self._session = next(_sessions)
        self.layout = None
        self.canvas.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        self._ask_layout()
        self.canvas.update()
        return True

    def finish(self) -> None:
        """Stop editing (the changes are already in the document, one undo step)."""
        if self.layer_id is None:
            return
        self.layer_id = None
        self.layout = None
        self._dragging = False
        self.canvas.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self._ask_layout()
        self.canvas.update()

    def _ask_layout(self) -> None:
        studio = self.canvas.studio
        if studio.text_layer != self.layer_id:
            studio.text_layer = self.layer_id
            studio.request_render()

    # -- the document --

    def _layer(self) -> TextLayer:
        document = self.canvas.studio.document
        assert document is not None and self.layer_id is not None
        layer = document.template.layer(self.layer_id)
        assert isinstance(layer, TextLayer)
        return layer

    def _document_text(self) -> str:
        document = self.canvas.studio.document
        assert document is not None
        props = self._layer().props
        if props.slot is not None:
            return slot_value(document.template, document.content, props.slot)
        return props.text or ""

    def _write(self) -> None:
        document = self.canvas.studio.document
        assert document is not None
        key = f"canvas-text:{self._session}"
        layer = self._layer()
        self._writing = True
        try:
            if layer.props.slot is not None:
                document.set_slot(layer.props.slot, self.text, merge_key=key)
            else:
                label = self.tr("Edit %1").replace("%1", self.canvas.layer_name(layer.id))
                template = update_props(document.template, layer.id, text=self.text)
                document.edit(label, template, merge_key=key)
        finally:
            self._writing = False

    def document_changed(self) -> None:
        """The document changed: by our typing, or by undo, the Content panel, a deletion."""
        if self.layer_id is None or self._writing:
            return
        if not self.can_edit(self.layer_id):
            self.finish()
            return
        text = self._document_text()
        if text != self.text:  # undo or another panel: keep editing, as a new step
            self.text = text
            self.caret = min(self.caret, len(text))
            self.anchor = min(self.anchor, len(text))
            self._session = next(_sessions)

    def rendered(self, result: RenderResult) -> None:
        laid = result.text_layout
        if laid is not None and laid.layer_id == self.layer_id:
            self.layout = laid

    # -- editing --

    def _selection(self) -> tuple[int, int]:
        return min(self.caret, self.anchor), max(self.caret, self.anchor)

    def insert(self, typed: str) -> None:
        """Replace the selection with ``typed`` and put the caret after it."""
        start, end = self._selection()
        if not typed and start == end:
            return
        self.text = self.text[:start] + typed + self.text[end:]
        self.caret = self.anchor = start + len(typed)
        self._write()
        self.canvas.update()

    def _delete(self, forward: bool) -> None:
        start, end = self._selection()
        if start == end:
            stops = _boundaries(self.text)
            if forward:
                end = next((stop for stop in stops if stop > start), start)
            else:
                start = max((stop for stop in stops if stop < start), default=start)
            self.anchor, self.caret = start, end
        self.insert("")

    def _move(self, key: Qt.Key, extend: bool) -> None:
        stops = _boundaries(self.text)
        caret = self.caret
        if key == Qt.Key.Key_Left:
            start, end = self._selection()
            caret = (
                start
                if start != end and not extend
                else max((stop for stop in stops if stop < caret), default=0)
            )
        elif key == Qt.Key.Key_Right:
            start, end = self._selection()
            caret = (
                end
                if start != end and not extend
                else next((stop for stop in stops if stop > caret), len(self.text))
            )
        else:
            caret = self._line_move(key)
        self.caret = caret
        if not extend:
            self.anchor = caret
        self.canvas.update()

    def _line_move(self, key: Qt.Key) -> int:
        """Home/End/Up/Down, on the lines as the engine broke them."""
        laid = self.layout
        if laid is None or not any(line.stops for line in laid.lines):
            return 0 if key in (Qt.Key.Key_Home, Qt.Key.Key_Up) else len(self.text)
        lines = [line for line in laid.lines if line.stops]
        x, top, _ = laid.caret(self.caret)
        here = min(range(len(lines)), key=lambda i: abs(lines[i].top - top))
        if key == Qt.Key.Key_Home:
            return lines[here].stops[0][0]
        if key == Qt.Key.Key_End:
            return lines[here].stops[-1][0]
        there = here - 1 if key == Qt.Key.Key_Up else here + 1
        if there < 0:
            return 0
        if there >= len(lines):
            return len(self.text)
        return min(lines[there].stops, key=lambda stop: abs(stop[1] - x))[0]

    def _copy(self) -> None:
        start, end = self._selection()
        if start != end:
            QGuiApplication.clipboard().setText(self.text[start:end])

    def key(self, event: QKeyEvent) -> bool:
        """Handle a key while editing; True when it was the editor's."""
        if self.layer_id is None:
            return False
        key = event.key()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key == Qt.Key.Key_Escape:
            self.finish()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if shift:
                self.insert("\n")
            else:
                self.finish()
        elif key in _MOVES:
            self._move(Qt.Key(key), shift)
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self._delete(key == Qt.Key.Key_Delete)
        elif event.matches(QKeySequence.StandardKey.SelectAll):
            self.anchor, self.caret = 0, len(self.text)
            self.canvas.update()
        elif event.matches(QKeySequence.StandardKey.Copy):
            self._copy()
        elif event.matches(QKeySequence.StandardKey.Cut):
            self._copy()
            self.insert("")
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.insert(QGuiApplication.clipboard().text())
        elif _typed(event):
            self.insert(event.text())
        else:
            return False
        return True

    def wants_shortcut(self, event: QKeyEvent) -> bool:
        """True for keys that must reach the editor rather than a window shortcut."""
        if self.layer_id is None:
            return False
        key = event.key()
        return (
            key in _MOVES
            or key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_Escape)
            or key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            or event.matches(QKeySequence.StandardKey.SelectAll)
            or event.matches(QKeySequence.StandardKey.Copy)
            or event.matches(QKeySequence.StandardKey.Cut)
            or event.matches(QKeySequence.StandardKey.Paste)
            or _typed(event)
        )

    def input_method(self, event: QInputMethodEvent) -> None:
        """An input method committed text (the preedit is not drawn: the render is the text)."""
        if self.layer_id is None:
            return
        if event.replacementLength() and event.commitString():
            start = max(0, self.caret + event.replacementStart())
            self.anchor, self.caret = start, start + event.replacementLength()
        if event.commitString():
            self.insert(event.commitString())
        event.accept()

    def query(self, query: Qt.InputMethodQuery) -> object:
        """What an input method asks about the text being edited (None: not editing)."""
        if self.layer_id is None:
            return None
        if query == Qt.InputMethodQuery.ImEnabled:
            return True
        if query == Qt.InputMethodQuery.ImCursorRectangle:
            caret = self._caret_line()
            return QRectF(caret[0], caret[1]).normalized() if caret else QRectF()
        if query == Qt.InputMethodQuery.ImSurroundingText:
            return self.text
        if query == Qt.InputMethodQuery.ImCursorPosition:
            return self.caret
        if query == Qt.InputMethodQuery.ImAnchorPosition:
            return self.anchor
        if query == Qt.InputMethodQuery.ImCurrentSelection:
            start, end = self._selection()
            return self.text[start:end]
        return None

    # -- the mouse --

    def press(self, point: QPointF, extend: bool) -> bool:
        """A press at ``point`` (widget px): in the edited layer it places the caret (True);
        elsewhere it finishes editing (False, the canvas handles the press)."""
        if self.layer_id is None:
            return False
        if self.canvas.layer_at(point) != self.layer_id:
            self.finish()
            return False
        index = self._index_at(point)
        if index is not None:
            self.caret = index
            if not extend:
                self.anchor = index
        self._dragging = True
        self.canvas.update()
        return True

    def drag(self, point: QPointF) -> bool:
        """Extend the selection while the button is held; False when not selecting."""
        if not self._dragging:
            return False
        index = self._index_at(point)
        if index is not None and index != self.caret:
            self.caret = index
            self.canvas.update()
        return True

    def release(self) -> None:
        self._dragging = False

    def _index_at(self, point: QPointF) -> int | None:
        laid = self.layout
        if laid is None:
            return None
        local = self._turn().inverted()[0].map(self.canvas.to_canvas(point))
        return min(laid.index_at(local.x(), local.y()), len(self.text))

    # -- painting --

    def _turn(self) -> QTransform:
        placed = self.canvas.layout()
        assert placed is not None and self.layer_id is not None
        return self.canvas.turn(placed.placement(self.layer_id))

    def _polygon(self, x: float, y: float, width: float, height: float) -> QPolygonF:
        turn = self._turn()
        corners = [QPointF(x, y), QPointF(x + width, y),
                   QPointF(x + width, y + height), QPointF(x, y + height)]  # fmt: skip
        return QPolygonF([self.canvas.to_widget(turn.map(c)) for c in corners])

    def _caret_line(self) -> tuple[QPointF, QPointF] | None:
        laid = self.layout
        if laid is None:
            return None
        x, top, height = laid.caret(self.caret)
        turn = self._turn()
        return (
            self.canvas.to_widget(turn.map(QPointF(x, top))),
            self.canvas.to_widget(turn.map(QPointF(x, top + height))),
        )

    def paint(self, painter: QPainter) -> None:
        """The frame of the edited layer, the selection and the caret."""
        if self.layer_id is None:
            return
        placed = self.canvas.layout()
        if placed is None:
            return
        box = placed.placement(self.layer_id).box
        painter.setPen(QPen(QColor(0, 120, 215), 1, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolygon(self._polygon(box.x - 4, box.y - 4, box.width + 8, box.height + 8))
        laid = self.layout
        if laid is None:
            return
        start, end = self._selection()
        if start != end:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(0, 120, 215, 90))
            for span in laid.spans(start, end):
                painter.drawPolygon(self._polygon(*span))
        caret = self._caret_line()
        if caret is not None:
            painter.setPen(QPen(QColor(0, 120, 215), 2))
            painter.drawLine(*caret)


def _typed(event: QKeyEvent) -> bool:
    """A key that types text (any keyboard layout), not a shortcut."""
    text = event.text()
    if not text or any(ord(char) < 32 or ord(char) == 127 for char in text):
        return False
    modifiers = event.modifiers()
    return not modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier)
