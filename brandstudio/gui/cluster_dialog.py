"""Settings ▸ Render Cluster…: where the studio's bulk work runs (merge, stamp, plan export).

Empty: on this computer's worker processes (the default). ``tls://HOST:PORT``: on a Dask
cluster other machines joined, with the three certificate files the README's "Past one
machine" makes; ``local:N``: N Dask workers on this computer (to try the cluster path).
The address is checked when it is saved; connecting happens when a batch starts, on its
thread, and a cluster that cannot be used ends that batch with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brandstudio.batch.cluster import ClusterError, TlsFiles, parse_address
from brandstudio.gui.settings import CLUSTER, Key, Settings


@dataclass(frozen=True)
class ClusterChoice:
    """The configured cluster: its address and, for tls://, the certificate files."""

    address: str
    tls: TlsFiles | None = None


def configured_cluster(settings: Settings | None = None) -> ClusterChoice | None:
    """The cluster the bulk dialogs use; None: this computer's worker processes."""
    store = settings or Settings()
    address = store[CLUSTER.address].strip()
    if not address:
        return None
    files = [store[key].strip() for key in (CLUSTER.ca, CLUSTER.cert, CLUSTER.key)]
    tls = TlsFiles(*(Path(name) for name in files)) if all(files) else None
    return ClusterChoice(address, tls)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ClusterDialog", text)


def cluster_action(window: QWidget) -> QAction:
    """Settings ▸ Render Cluster…, opening :class:`ClusterDialog`."""
    action = QAction(_tr("Render &Cluster…"), window)
    action.setStatusTip(_tr("Choose where bulk work runs: this computer or a render cluster"))
    action.triggered.connect(lambda checked=False: ClusterDialog(window).exec())
    return action


class ClusterDialog(QDialog):
    """The cluster address and certificate files, checked before they are saved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Render Cluster"))
        self._settings = Settings()
        intro = QLabel(
            self.tr(
                "Exports, data merges, stamping and plan exports run on this computer unless a "
                "render cluster is set here. Every machine of the cluster needs the same "
                "versions of Brandstudio, Pillow and OpenCV."
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.address = QLineEdit(self._settings[CLUSTER.address])
        self.address.setPlaceholderText(self.tr("empty: this computer"))
        self.address.setToolTip(
            self.tr("tls://HOST:8786 for a cluster, or local:4 for four workers here")
        )
        form = QFormLayout()
        form.addRow(self.tr("Address:"), self.address)
        self.files: dict[Key[str], QLineEdit] = {}
        labels = (
            (CLUSTER.ca, self.tr("CA certificate:")),
            (CLUSTER.cert, self.tr("Certificate:")),
            (CLUSTER.key, self.tr("Private key:")),
        )
        for key, label in labels:
            form.addRow(label, self._file_row(key))
        self.problem = QLabel()
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: palette(link);")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _file_row(self, key: Key[str]) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        edit = QLineEdit(self._settings[key])
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(lambda checked=False: self._choose(edit))
        line.addWidget(edit, 1)
        line.addWidget(browse)
        self.files[key] = edit
        return row

    def _choose(self, edit: QLineEdit) -> None:
        start = edit.text() or str(Path.home())
        kinds = self.tr("PEM files (*.pem *.crt *.key);;All files (*)")
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a Certificate File"), start, kinds
        )
        if name:
            edit.setText(name)

    def check(self) -> str:
        """Why the fields cannot be saved ('' when they can)."""
        text = self.address.text().strip()
        if not text:
            return ""
        try:
            address = parse_address(text)
        except ClusterError:
            return self.tr(
                "Write tls://HOST:PORT (or local:N). An unencrypted tcp:// address works only"
                " on this computer."
            )
        if address.tls:
            for edit in self.files.values():
                if not Path(edit.text().strip()).is_file():
                    return self.tr("tls:// needs the three certificate files.")
        return ""

    def accept(self) -> None:
        """Save when the fields are usable; else say why and stay open."""
        problem = self.check()
        if problem:
            self.problem.setText(problem)
            return
        self._settings[CLUSTER.address] = self.address.text().strip()
        for key, edit in self.files.items():
            self._settings[key] = edit.text().strip()
        self._settings.sync()
        super().accept()
