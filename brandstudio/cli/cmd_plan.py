"""``brandstudio plan PLAN.csv|PLAN.xlsx``: every post of a content plan, and its overview."""

from __future__ import annotations

import argparse
import contextlib
import json
from pathlib import Path

from brandstudio.batch.cluster import using_cluster
from brandstudio.batch.pool import prepare_workers
from brandstudio.batch.progress import Progress
from brandstudio.batch.report import MAX_FAILURES_KEPT, ItemReport
from brandstudio.brands import DEFAULT_BRAND, find_brand
from brandstudio.cli import output
from brandstudio.cli.batch_output import (
    add_batch_options,
    batch_exit_status,
    check_line,
    cluster_session,
    print_failures,
)
from brandstudio.cli.encoding_options import add_encoding_options, check_encoding_options
from brandstudio.jobs.merge import WORKER_MODULES
from brandstudio.jobs.plan import PlanResult, PlanSettings, prepare_plan, read_plan, run_plan
from brandstudio.library.store import open_library
from brandstudio.render.export import EXTENSIONS
from brandstudio.tables import system_locale

EPILOG = """examples:
  brandstudio plan january.csv --out january
  brandstudio plan plan.xlsx --sheet Январь --brand Зерно --out posts --jobs 4
  brandstudio plan january.csv --out january --language ru --json > report.json

One row per post. Columns: date (2027-01-31 or 31.01.2027), template (the rubric: a
template of the brand's library, else a starter such as quote, promo, announcement,
contest), presets (preset ids separated by spaces or commas; see `brandstudio
presets`); optional time (10:00), caption, hashtags and status (draft or approved),
shown in the overview; every other column fills the slot of its name, as with
`brandstudio render --data` (image paths relative to the plan; a blank photo cell
keeps the template's photo).

Files go straight into the output folder as YYYY-MM-DD_rubric_preset.jpg
(YYYY-MM-DD_HH-MM_rubric_preset.jpg for a row with a time); the overview for approval
goes to OUT/overview/: plan.pdf with one page per Monday-to-Sunday week (every week
from the first post to the last) and week-YYYY-MM-DD.png per week. Running the same
command again resumes: finished posts are checked and skipped, the overview redrawn.
A bad row (not a date, unknown template or preset, missing photo) is reported with
its row number and the others are made. Output paths go to stdout (with --json, the
report as JSON instead); messages to stderr; report.json to the output folder.

exit status: 0 every post made; 1 some rows failed (each reported); 2 unusable input.
"""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "plan",
        help="render a content plan (CSV/XLSX) and its weekly overview for approval",
        description="Render every post of a content plan and an overview for approval.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("plan", type=Path, metavar="PLAN", help="a .csv or .xlsx file")
    parser.add_argument("--sheet", metavar="NAME", help="the XLSX sheet to read")
    parser.add_argument(
        "--brand",
        help="a brand of the library, a brand folder, or demo (default demo); its library"
        " templates are found by name first",
    )
    parser.add_argument("--out", type=Path, default=Path("out"), help="output folder (default out)")
    parser.add_argument("--format", choices=sorted(EXTENSIONS), default="jpeg")
    add_encoding_options(parser)
    parser.add_argument(
        "--language", choices=("en", "ru"), default="en", help="the overview's language"
    )
    parser.add_argument("--no-overview", action="store_true", help="render the posts only")
    parser.add_argument(
        "--allow-paths-outside", action="store_true",
        help="let image cells name files outside the plan's folder and the library",
    )  # fmt: skip
    parser.add_argument(
        "--allow-missing-glyphs", action="store_true",
        help="leave out letters no font can draw (by default such a post fails, naming them)",
    )  # fmt: skip
    parser.add_argument(
        "--no-check", action="store_true",
        help="do not check each post as `brandstudio check` does (report.json lists no problems)",
    )  # fmt: skip
    parser.add_argument("--json", action="store_true", help="print report.json's values")
    add_batch_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Read the plan, render its rows on workers, write the overview; returns the exit status."""
    check_encoding_options(args)
    prepare_workers(WORKER_MODULES)  # the workers' imports overlap reading and planning
    locale = system_locale()
    plan = read_plan(args.plan, args.sheet, locale=locale)
    kit = find_brand(args.brand or DEFAULT_BRAND)
    settings = PlanSettings(
        brand_folder=kit.folder,
        brand=open_library().brand_holding(kit.folder),
        brand_name=kit.brand.name,
        fmt=args.format,
        quality=args.quality,
        max_kb=args.max_kb,
        allow_paths_outside=args.allow_paths_outside,
        allow_missing_glyphs=args.allow_missing_glyphs,
        check=not args.no_check,
    )
    prepared = prepare_plan(
        plan, settings, args.out, overwrite=args.overwrite, source=str(args.plan)
    )
    for note in prepared.plan.notes:
        output.message(f"{args.plan}: {note}")
    output.message(f"{args.plan}: {len(plan.rows)} rows, brand {kit.brand.name}")
    progress = Progress(prepared.todo, unit="rows")

    def on_progress(done: int, total: int) -> None:
        if done:
            progress.advance(done - progress.done)

    def on_output(path: Path) -> None:
        if not args.json:
            output.data(str(path))

    with contextlib.ExitStack() as stack:
        try:
            session = stack.enter_context(cluster_session(args))
        except BaseException:
            prepared.plan.journal.close()
            raise
        stack.enter_context(using_cluster(session))
        result = run_plan(
            prepared,
            jobs=args.jobs,
            language=args.language,
            on_progress=on_progress,
            on_output=on_output,
            overview=not args.no_overview,
        )
    progress.finish()
    report = result.report
    _summarise(result, args)
    if args.json:
        record = report.as_json()
        if result.overview is not None:
            record["overview"] = {
                "pdf": str(result.overview.pdf) if result.overview.pdf else None,
                "pages": [str(page) for page in result.overview.pages],
            }
        output.data(json.dumps(record, ensure_ascii=False, indent=2))
    return batch_exit_status(report)


def _row_and_why(item: ItemReport) -> str:
    return f"row {item.row}: {item.error}"


def _summarise(result: PlanResult, args: argparse.Namespace) -> None:
    """The closing lines on stderr: made, resumed, each failed row, the overview, the report."""
    report = result.report
    made = report.count("ok")
    resumed = report.tally.resumed
    line = f"made {made} posts into {args.out}"
    if resumed:
        line += f"; {resumed} already done (checked, skipped)"
    output.message(line)
    if report.stopped:
        output.message(f"stopped: {report.stopped}")
    print_failures(report, "rows failed", _row_and_why, MAX_FAILURES_KEPT)
    checked = check_line(report)
    if checked:
        output.message(checked)
    if result.overview is not None and result.overview.pdf is not None:
        pages = len(result.overview.pages)
        weeks = "1 week" if pages == 1 else f"{pages} weeks"
        output.message(f"overview: {result.overview.pdf} ({weeks}, one page each)")
    if report.saved_to is not None:
        output.message(f"report: {report.saved_to}")
