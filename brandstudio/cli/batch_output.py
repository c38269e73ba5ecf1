"""What every bulk command shares: --jobs/--overwrite/--cluster, the progress bar, the closing
summary."""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from brandstudio.batch.cluster import CLUSTER_ENV, ClusterError, ClusterSession, parse_address
from brandstudio.batch.journal import OutputJournal
from brandstudio.batch.pool import Job, default_jobs
from brandstudio.batch.progress import Progress, format_duration
from brandstudio.batch.report import BatchReport, ItemReport
from brandstudio.batch.runner import (
    STOPPED_BY_SIGNAL,
    STOPPED_BY_USER,
    BatchSettings,
    PlannedItem,
    PlannedItems,
    count_todo,
    run_batch,
)
from brandstudio.cli import exitcodes, output

MAX_FAILURES_LISTED = 20


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 1 <= value <= 256:
        raise argparse.ArgumentTypeError(f"{value}: must be 1 to 256")
    return value


def _cluster(text: str) -> str:
    try:
        return parse_address(text).text
    except ClusterError as error:
        raise argparse.ArgumentTypeError(str(error).removeprefix("--cluster ")) from None


def add_batch_options(parser: argparse.ArgumentParser) -> None:
    """--overwrite, --jobs and --cluster, as every bulk command has them."""
    parser.add_argument(
        "--overwrite",
        action="store_true",
        help="replace any existing file of the same name (another job's, or one you put there;"
        " never an original)",
    )
    parser.add_argument(
        "--jobs", "-j", type=_jobs, default=default_jobs(), metavar="N",
        help=f"worker processes (default: the CPU count, here {default_jobs()})",
    )  # fmt: skip
    parser.add_argument(
        "--cluster", type=_cluster, metavar="ADDRESS",
        help=f"run on a Dask cluster: tls://HOST:PORT (certificates from BRANDSTUDIO_CLUSTER_CA,"
        f" _CERT, _KEY) or local:N (N workers here); default ${CLUSTER_ENV}; needs"
        " brandstudio[cluster]",
    )  # fmt: skip


@contextlib.contextmanager
def cluster_session(args: argparse.Namespace) -> Iterator[ClusterSession | None]:
    """The cluster of ``--cluster`` (or $BRANDSTUDIO_CLUSTER), connected and checked; None
    to run on local worker processes. ClusterError (exit 2) when it cannot be used."""
    address = getattr(args, "cluster", None) or os.environ.get(CLUSTER_ENV, "").strip()
    if not address:
        yield None
        return
    from brandstudio.batch.cluster import open_cluster
    from brandstudio.jobs.cluster_inputs import shipping_for

    with open_cluster(address, shipping_for) as session:
        output.message(f"running on the cluster at {address} ({session.threads()} workers)")
        yield session


def run_and_summarise(
    planned: Sequence[PlannedItem] | PlannedItems,
    job: Job,
    journal: OutputJournal,
    args: argparse.Namespace,
    *,
    verb: str,
    unit: str,
    as_json: bool = False,
) -> int:
    """Run the batch with a progress bar, print outputs (with ``as_json``: the report as
    JSON, once it is done) and a summary; return the exit status."""
    todo = count_todo(planned)
    progress = Progress(todo, unit=unit)

    def on_progress(done: int, total: int) -> None:
        if done:
            progress.advance(done - progress.done)

    def on_output(path: Path) -> None:
        if not as_json:
            output.data(str(path))

    with contextlib.ExitStack() as stack:
        try:
            session = stack.enter_context(cluster_session(args))
        except BaseException:
            journal.close()
            raise
        settings = BatchSettings(
            jobs=args.jobs, on_output=on_output, on_progress=on_progress, cluster=session
        )
        report = run_batch(planned, job, journal, settings)
    progress.finish()
    if as_json:
        output.data(report.to_text().rstrip("\n"))
    _summarise(report, journal.folder, verb, unit, settings.seconds)
    return batch_exit_status(report)


def batch_exit_status(report: BatchReport) -> int:
    """The exit status of a finished batch: interrupted or terminated when stopped so, 1 when
    an item failed or the batch stopped early (a full disk), else 0."""
    if report.stopped == STOPPED_BY_USER:
        return exitcodes.INTERRUPTED
    if report.stopped == STOPPED_BY_SIGNAL:
        return exitcodes.TERMINATED
    # A batch stopped early (a full disk) did not do everything, even with nothing failed.
    return exitcodes.SOME_FAILED if report.count("failed") or report.stopped else exitcodes.OK


def _summarise(report: BatchReport, folder: Path, verb: str, unit: str, seconds: float) -> None:
    tally = report.tally
    ok, skipped = tally.counts["ok"], tally.counts["skipped"]
    resumed, unstarted, files = tally.resumed, tally.not_started, tally.files
    line = f"{verb} {ok} {unit} ({files} files) in {format_duration(seconds)} into {folder}"
    if resumed:
        line += f"; {resumed} already done (checked, skipped)"
    if skipped - resumed - unstarted:
        line += f"; {skipped - resumed - unstarted} files skipped (not photos by name, or hidden)"
    if unstarted:
        line += f"; {unstarted} not started (the batch stopped before them)"
    output.message(line)
    if report.stopped:
        output.message(f"stopped: {report.stopped}")
    print_failures(report, "failed", _where_and_why, MAX_FAILURES_LISTED)
    checked = check_line(report)
    if checked:
        output.message(checked)
    if report.saved_to is not None:
        output.message(f"report: {report.saved_to}")
    else:
        output.message(f"the report could not be written into {folder}")


def print_failures(
    report: BatchReport, heading: str, describe: Callable[[ItemReport], str], limit: int
) -> None:
    """'N {heading}:' and the first ``limit`` failed items, each as ``describe`` says, then
    '... and N more' for the rest (report.json lists every one); nothing when none failed."""
    failed = report.count("failed")
    shown = report.failures()[:limit]
    if not shown:
        return
    output.message(f"{failed} {heading}:")
    for item in shown:
        output.message(f"  {describe(item)}")
    if failed > len(shown):
        output.message(f"  ... and {failed - len(shown)} more")


def _where_and_why(item: ItemReport) -> str:
    where = f"row {item.row}: " if item.row is not None else ""
    return f"{where}{item.input}: {item.error}"


def check_line(report: BatchReport) -> str:
    """'check: 3 rows with problems (2 errors, 4 warnings), listed in report.json', or ''
    when nothing was checked or nothing found."""
    tally = report.tally
    if not tally.checked_rows:
        return ""
    errors, warnings = tally.check_errors, tally.check_warnings
    counts = ", ".join(
        f"{n} {word if n == 1 else word + 's'}"
        for n, word in ((errors, "error"), (warnings, "warning"))
        if n
    )
    noun = "row" if tally.checked_rows == 1 else "rows"
    return f"check: {tally.checked_rows} {noun} with problems ({counts}), listed in report.json"
