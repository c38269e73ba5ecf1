"""Export the open template: every chosen network size as a finished file, in one go.

The files are rendered by the studio's own renderer (``render_now``: the very function the
canvas shows), on a background thread, and written like the batch engine writes: paths claimed
in the output folder's journal, atomic writes, a file of another job never replaced (``-2``).
With a render cluster configured (Settings ▸ Render Cluster…), the template is saved aside and
each size runs on the cluster as a batch item (``jobs.export_batch``: the same names, journal,
report and bytes), with the same progress window and Cancel.

The template canvas and a ticked preset of the same size that lays the template out the same
way are one picture: the dialog exports it once, under the preset's name (the job itself writes
whatever it is given, as ``brandstudio render --preset`` asks).
"""

from __future__ import annotations

import dataclasses
import functools
import threading
from collections.abc import Sequence
from pathlib import Path

from PIL import Image
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from brandstudio.batch.report import BatchReport
from brandstudio.batch.runner import BatchSettings
from brandstudio.gui.cluster_dialog import ClusterChoice, configured_cluster
from brandstudio.gui.dialogs.base import BatchDialog, BatchTexts
from brandstudio.gui.dialogs.progress import BatchThread
from brandstudio.gui.dialogs.widgets import (
    CANVAS_KEY,
    NamePatternField,
    OutputOptions,
    PresetPicker,
)
from brandstudio.gui.render_service import RenderRequest
from brandstudio.gui.settings import EXPORT
from brandstudio.gui.studio import Studio
from brandstudio.jobs.check import CheckOutput, CheckResult, check_post
from brandstudio.jobs.export import (
    EXPORT_PATTERN,
    ExportSettings,
    export_names,
    run_export,
)
from brandstudio.jobs.export_batch import plan_export
from brandstudio.model.layers import QrLayer
from brandstudio.model.layout import layout
from brandstudio.model.preset import Preset
from brandstudio.model.template import Template
from brandstudio.model.utm import network_of
from brandstudio.render.naming import safe_name


class ExportDialog(BatchDialog):
    """Export the open template at every chosen size (main window: File ▸ Export…).

    Open it with ``ExportDialog(studio, window).open()``; it needs an open document.
    """

    close_with_summary = True

    def __init__(self, studio: Studio, parent: QWidget | None = None) -> None:
        document = studio.document
        if document is None:
            raise ValueError("no template is open")
        super().__init__(
            studio, EXPORT, parent, close_button=QDialogButtonBox.StandardButton.Cancel
        )
        self._document = document
        """The folder of the template saved aside for a cluster's workers, while they run."""
        template = document.template
        self.setWindowTitle(self.tr("Export"))
        canvas = self.tr("%4 · canvas %1 × %2 px · brand %3")
        canvas = (
            canvas.replace("%1", str(template.canvas.width))
            .replace("%2", str(template.canvas.height))
            .replace("%3", document.kit.brand.name)
            .replace("%4", document.title())
        )

        canvas_label = self.tr("Template canvas — %1 × %2")
        canvas_label = canvas_label.replace("%1", str(template.canvas.width)).replace(
            "%2", str(template.canvas.height)
        )
        self.presets = PresetPicker([(CANVAS_KEY, canvas_label)])
        sizes = QGroupBox(self.tr("Sizes"))
        sizes_layout = QVBoxLayout(sizes)
        sizes_layout.addWidget(self.presets)
        self.check_line = QLabel()
        self.check_line.setObjectName("ExportCheck")
        self.check_line.setWordWrap(True)
        self.check_line.setToolTip(
            self.tr("What Brandstudio's check finds at the ticked sizes (View the Check panel)")
        )
        sizes_layout.addWidget(self.check_line)
        self.check_result: CheckResult | None = None
        self.checker = self.background_worker("export check", self._checked, self._check_failed)
        self.check_timer = self.debounce(self._check)

        self.options = OutputOptions()
        self.name = NamePatternField("{template}, {preset}, {width}, {height}")
        self.name.edit.setPlaceholderText(EXPORT_PATTERN)
        self.options.form.insertRow(4, self.tr("Name:"), self.name)
        files = QGroupBox(self.tr("Files"))
        files_layout = QVBoxLayout(files)
        files_layout.addWidget(self.options)
        files_layout.addStretch(1)

        columns = QHBoxLayout()
        columns.setSpacing(12)
        columns.addWidget(sizes, 5)
        columns.addWidget(files, 6)

        self.ok_button.setText(self.tr("Export"))

        self.lay_out_page(document.title(), canvas, columns)

        self._restore()
        self.name.set_preview(self._first_name)
        for signal in (self.presets.changed, self.options.changed, self.name.changed):
            signal.connect(self._update)
        self.presets.changed.connect(self.name.refresh)
        self.options.format.currentIndexChanged.connect(self.name.refresh)
        for signal in (self.presets.changed, self.options.changed):
            signal.connect(self.check_timer.start)
        self._update()
        self._check()

    # -- state --

    def _restore(self) -> None:
        settings = self._settings
        self.restore_geometry(820, 560)
        self.options.restore(settings, EXPORT.output)
        current = self._document.preset
        default = [current.id if current else CANVAS_KEY]
        self.presets.set_checked(settings[EXPORT.presets] or default)
        self.name.set_pattern(settings[EXPORT.pattern] or EXPORT_PATTERN)

    def _remember(self) -> None:
        settings = self._settings
        settings[EXPORT.presets] = tuple(self.presets.checked_keys())
        settings[EXPORT.pattern] = self.name.pattern()
        self.options.remember(settings, EXPORT.output)
        self.save_geometry()
        settings.sync()

    def settings(self) -> ExportSettings:
        """The export as chosen now."""
        document = self._document
        location = document.location
        if location is not None:
            stem, identity = location.path.stem, str(location.path.resolve())
        else:
            stem, identity = safe_name(document.template.name), f"unsaved:{document.template.name}"
        return ExportSettings(
            template=document.template,
            template_stem=stem,
            identity=identity,
            content=dict(document.content),
            brand_folder=document.kit.folder,
            presets=tuple(self.chosen_presets()),
            fmt=self.options.image_format(),
            quality=self.options.quality.value(),
            max_kb=self.options.cap_kb(),
            pattern=self.name.pattern(),
        )

    def chosen_presets(self) -> list[Preset | None]:
        """The ticked sizes, without the canvas when a ticked preset is the same picture."""
        presets = self.presets.checked_presets()
        if None in presets and self._canvas_twin() is not None:
            presets.remove(None)
        return presets

    def _canvas_twin(self) -> Preset | None:
        """The ticked preset that renders exactly as the template canvas, if any."""
        ticked = self.presets.checked_presets()
        if None not in ticked:
            return None
        template = self._document.template
        return next((p for p in ticked if p is not None and _same_picture(template, p)), None)

    def _first_name(self, pattern: str) -> str:
        presets = self.chosen_presets() or [None]
        settings = dataclasses.replace(self.settings(), pattern=pattern, presets=tuple(presets[:1]))
        return export_names(settings)[0]

    def problem_text(self) -> str | None:
        """Why Export is disabled, or None when it can run."""
        if not self.presets.checked_keys():
            return self.tr("Tick at least one size")
        if self.name.problem() is not None:
            return self.tr("Fix the file name pattern")
        if self.options.folder.path() is None:
            return self.tr("Choose an output folder")
        return None

    def _update(self) -> None:
        super()._update()
        document = self.studio.document
        slides = document.template.slides if document is not None else 1
        count = len(self.chosen_presets()) * slides  # a carousel: a file per slide
        label = self.tr("Export %1 Files").replace("%1", str(count))
        self.ok_button.setText(label if count != 1 else self.tr("Export 1 File"))
        twin = self._canvas_twin()
        self.ok_button.setToolTip(
            self.tr("The template canvas is the same picture as %1: it is written once.").replace(
                "%1", twin.name
            )
            if twin is not None
            else ""
        )

    # -- checking before the export --

    def _check(self) -> None:
        """Check the post at the ticked sizes, off the GUI thread (the line under the sizes)."""
        self.check_timer.stop()
        self.check_result = None
        presets = self.chosen_presets()
        if not presets:
            self.check_line.setText("")
            return
        self.check_line.setText(self.tr("Checking…"))
        document = self._document
        output = CheckOutput(
            self.options.image_format(), self.options.quality.value(), self.options.cap_kb()
        )
        self.checker.submit(
            functools.partial(
                check_post, document.template, dict(document.content), document.kit,
                document.template_folder, tuple(presets), output,
            )
        )  # fmt: skip

    def _checked(self, serial: int, result: object) -> None:
        if serial != self.checker.latest or not isinstance(result, CheckResult):
            return
        self.check_result = result
        errors = sum(problem.severity == "error" for problem in result.problems)
        warnings = len(result.problems) - errors
        if not result.problems:
            self.check_line.setText(self.tr("Check: no problems at these sizes"))
        else:
            text = self.tr("Check: %1 errors, %2 warnings at these sizes (see the Check panel)")
            self.check_line.setText(text.replace("%1", str(errors)).replace("%2", str(warnings)))

    def _check_failed(self, serial: int, message: str) -> None:
        if serial == self.checker.latest:
            self.check_line.setText(self.tr("Cannot check: %1").replace("%1", message))

    def accept(self) -> None:
        """Export; when the check found errors at these sizes, ask first."""
        result = self.check_result
        errors = [p for p in result.problems if p.severity == "error"] if result else []
        if errors and self.batch is None and self.problem_text() is None:
            box = QMessageBox(self)
            box.setObjectName("ExportCheckQuestion")
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(self.tr("Export"))
            box.setText(
                self.tr("The check found %1 errors at these sizes.").replace("%1", str(len(errors)))
            )
            box.setInformativeText(
                self.tr("Export anyway, or go back and fix them (the Check panel lists them)?")
            )
            go = box.addButton(self.tr("Export Anyway"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(self.tr("Go Back"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is not go:
                return
        super().accept()

    # -- running --

    def texts(self) -> BatchTexts:
        return BatchTexts(
            self.tr("Exporting"), self.tr("Export Finished"), self.tr("Cannot Export")
        )

    def make_batch(self, out: Path) -> BatchThread | None:
        """A thread rendering each size with the studio's own renderer, as the canvas does;
        with a render cluster configured, each size on the cluster."""
        self._remember()
        settings = self.settings()
        overwrite = self.options.overwrite.isChecked()
        document = self._document
        cluster = configured_cluster()
        if cluster is not None:
            return self._cluster_batch(settings, out, overwrite, cluster)
        kit, folder, renderer = document.kit, document.template_folder, self.studio.renderer

        def render_one(preset: Preset | None) -> tuple[Image.Image, Sequence[str]]:
            request = RenderRequest(
                settings.template, settings.content, kit, folder, preset,
                allow_missing_glyphs=False,  # letters no font has fail the file, named
            )  # fmt: skip
            result = renderer.render_now(request)
            return result.image, result.warnings

        def runner(batch: BatchSettings, cancel: threading.Event) -> BatchReport:
            return run_export(
                settings,
                out,
                render_one,
                overwrite=overwrite,
                on_output=batch.on_output,
                on_progress=batch.on_progress,
                stopping=cancel.is_set,
            )

        return BatchThread(runner, jobs=1, parent=self)

    def _cluster_batch(
        self, settings: ExportSettings, out: Path, overwrite: bool, cluster: ClusterChoice
    ) -> BatchThread | None:
        """Save the template aside (the workers read it), plan one item per size (on the
        batch thread) and render them on ``cluster``."""
        template_path = self.save_template_aside(settings.template, settings.template_stem)
        if template_path is None:
            return None
        folder = self._document.template_folder
        return BatchThread.for_plan(
            lambda: plan_export(settings, template_path, folder, out, overwrite=overwrite),
            jobs=self.jobs,
            cluster=cluster,
            parent=self,
        )


def _same_picture(template: Template, preset: Preset) -> bool:
    """True when ``preset`` renders ``template`` exactly as its own canvas: the engine draws
    from the layout alone (size, scale, placements), and the safe zone only places layers —
    unless a QR code tags its link for the preset's network (the canvas has it as written)."""
    tagged = any(
        isinstance(layer, QrLayer) and template.qr_utm(layer.props) for layer in template.layers
    )
    if tagged and network_of(preset.id) is not None:
        return False
    own, at_preset = layout(template, None), layout(template, preset)
    return dataclasses.replace(at_preset, safe=own.safe, preset_id=None) == own
