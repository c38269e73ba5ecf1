"""``brandstudio contest``: entrants committed, a draw anyone can verify, the winners card."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from brandstudio.cli import exitcodes, output
from brandstudio.cli.examples import attach_examples
from brandstudio.cli.preset_args import parse_presets
from brandstudio.jobs.contest_draw import (
    COMMITMENT_TEXT,
    DROPPED_FILE,
    LANGUAGES,
    commit_contest,
    commitment_text,
    draw_contest,
    redraw_contest,
    verify_draw,
)
from brandstudio.jobs.contest_entrants import Requirement, collect_entrants
from brandstudio.model.preset import Preset

EPILOG = """examples:
  brandstudio contest commit comments.xlsx --column author --out december
  brandstudio contest commit reposts.csv members.txt --exclude staff.txt --out december
  brandstudio contest commit members.xlsx --require subscribed=yes --prize "Кофе" --out june
  brandstudio contest draw december --winners 3 --reserve 2 --beacon "drand 4521337"
  brandstudio contest draw june --winners 1 --prize "Годовой запас кофе" --mask --preset vk-post
  brandstudio contest redraw december --disqualify ivan
  brandstudio contest verify december/draw.json
  brandstudio contest verify draw.json --entrants entrants.txt --json

Entrants: CSV/XLSX files (the column --column names, else the first) or plain text
lists, one id per line. Ids are normalised (NFC, trimmed, lower-cased, one profile
address such as https://vk.com/ or t.me/ removed, a leading @ removed) and deduplicated;
dropped.csv says why each dropped line was dropped.

commit writes entrants.txt, dropped.csv, seed.secret (keep it private), commitment.json
and commitment.txt, and prints the text to post before the draw. draw reveals the seed,
picks the winners (algorithm brandstudio-draw-1, stated in the README), writes draw.json
and renders the winners card (DIR/cards) and the protocol card (DIR/protocol) in the
brand: --brand, else the library brand holding DIR, else demo. The same draw again
(same beacon, winners, reserves) renders the cards again. verify recomputes it all.

exit status: 0 done (verify: the draw checks out); 1 verify found a difference (each
named); 2 unusable input (a changed list at draw, a commitment already there, a bad file).
"""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "contest",
        help="commit entrants, draw winners anyone can verify, make the winners card",
        description="Contests: a commit-reveal draw anyone can verify, and the winners card.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    _add_commit(actions)
    _add_draw(actions)
    redraw = actions.add_parser("redraw", help="replace a disqualified winner by the first reserve")
    redraw.add_argument("folder", type=Path, metavar="DIR")
    redraw.add_argument("--disqualify", required=True, metavar="ID", help="the winner to replace")
    redraw.add_argument("--json", action="store_true", help="print draw.json's values")
    redraw.set_defaults(run=run_redraw)
    verify = actions.add_parser("verify", help="recompute a draw: exit 0 if it checks out, else 1")
    verify.add_argument("draw", type=Path, metavar="DIR/draw.json")
    verify.add_argument(
        "--entrants", type=Path, metavar="FILE", help="the list (default: entrants.txt beside it)"
    )
    verify.add_argument("--json", action="store_true", help='{"ok": ..., "problems": [...]}')
    verify.set_defaults(run=run_verify)
    attach_examples(actions, EPILOG, "contest")


def _add_commit(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    commit = actions.add_parser("commit", help="fix the entrants and publish a commitment")
    commit.add_argument("entrants", nargs="+", type=Path, metavar="ENTRANTS")
    commit.add_argument("--out", type=Path, required=True, metavar="DIR", help="contest folder")
    commit.add_argument("--exclude", type=Path, metavar="FILE", help="ids to leave out, one a line")
    commit.add_argument("--column", metavar="NAME", help="the ids' column (default: the first)")
    commit.add_argument(
        "--require", action="append", default=[], metavar="COL=VALUE",
        help="keep only rows whose column COL holds VALUE (any case); repeat for several",
    )  # fmt: skip
    commit.add_argument("--prize", default="", metavar="TEXT", help="what is won (for the card)")
    commit.add_argument("--language", choices=LANGUAGES, default="ru", help="commitment.txt's")
    commit.add_argument("--json", action="store_true", help="print commitment.json's values")
    commit.set_defaults(run=run_commit)


def _add_draw(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    draw = actions.add_parser("draw", help="reveal the seed, draw, render the cards")
    draw.add_argument("folder", type=Path, metavar="DIR")
    draw.add_argument("--winners", type=int, required=True, metavar="N")
    draw.add_argument("--reserve", type=int, default=0, metavar="M", help="reserves (default 0)")
    draw.add_argument(
        "--beacon", default="", metavar="TEXT",
        help="the public value named before the draw (a lottery result, a block hash)",
    )  # fmt: skip
    draw.add_argument("--prize", metavar="TEXT", help="default: the prize given at commit")
    draw.add_argument("--language", choices=LANGUAGES, default="ru", help="the cards' language")
    draw.add_argument("--brand", help="a brand of the library, a brand folder, or demo")
    draw.add_argument(
        "--preset", action="append", default=[], metavar="ID",
        help="the winners card's sizes (default instagram-square and instagram-story)",
    )  # fmt: skip
    draw.add_argument("--mask", action="store_true", help="winners shown as @iv***ov on cards")
    draw.add_argument(
        "--card-template", type=Path, metavar="FILE",
        help="the winners card's template (default: the starter winners)",
    )  # fmt: skip
    draw.add_argument(
        "--protocol-template", type=Path, metavar="FILE",
        help="the protocol card's template (default: the starter contest-protocol)",
    )  # fmt: skip
    draw.add_argument("--no-cards", action="store_true", help="draw.json only, no images")
    draw.add_argument("--json", action="store_true", help="print draw.json's values")
    draw.set_defaults(run=run_draw)


def run_commit(args: argparse.Namespace) -> int:
    requirements = [Requirement.parse(text) for text in args.require]
    entrants = collect_entrants(
        args.entrants, column=args.column, require=requirements, exclude=args.exclude
    )
    result = commit_contest(entrants, args.out, prize=args.prize, language=args.language)
    if args.json:
        output.data(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        output.data(commitment_text(result, args.language).rstrip("\n"))
    output.message(
        f"{result.count} entrants, {len(entrants.dropped)} lines dropped"
        f" (why: {args.out / DROPPED_FILE}); to post: {args.out / COMMITMENT_TEXT}"
    )
    return exitcodes.OK


def run_draw(args: argparse.Namespace) -> int:
    from brandstudio.jobs.contest_cards import (
        PROTOCOL_STARTER,
        WINNERS_STARTER,
        contest_brand,
        contest_cards,
        render_card,
        starter_path,
    )

    presets = [p for p in parse_presets(args.preset) if isinstance(p, Preset)]
    kit = None if args.no_cards else contest_brand(args.folder, args.brand)
    if kit is not None:  # what the cards need is checked before the draw is written
        winners_template = args.card_template or starter_path(WINNERS_STARTER)
        protocol_template = args.protocol_template or starter_path(PROTOCOL_STARTER)
    result = draw_contest(
        args.folder,
        args.winners,
        args.reserve,
        beacon=args.beacon,
        prize=args.prize,
        language=args.language,
    )
    if args.json:
        output.data(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        for name in result.winners:
            output.data(f"winner {name}")
        for name in result.reserves:
            output.data(f"reserve {name}")
    output.message(f"draw: {args.folder / 'draw.json'}")
    if kit is None:
        return exitcodes.OK
    failed = 0
    cards = contest_cards(
        args.folder,
        result,
        presets=presets,
        masked=args.mask,
        winners_template=winners_template,
        protocol_template=protocol_template,
    )
    for card in cards:
        report = render_card(card, kit, on_output=lambda path: output.message(f"card: {path}"))
        failed += report.count("failed")
        for item in report.failures():
            output.error(f"{card.template.stem} {item.input}: {item.error}")
    return exitcodes.SOME_FAILED if failed else exitcodes.OK


def run_redraw(args: argparse.Namespace) -> int:
    result, stepping_in = redraw_contest(args.folder, args.disqualify)
    if args.json:
        output.data(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        for name in result.winners:
            output.data(f"winner {name}")
    output.message(f"{stepping_in} steps in; recorded in {args.folder / 'draw.json'}")
    return exitcodes.OK


def run_verify(args: argparse.Namespace) -> int:
    problems = verify_draw(args.draw, args.entrants)
    if args.json:
        output.data(json.dumps({"ok": not problems, "problems": problems}, ensure_ascii=False))
    elif not problems:
        output.data(f"ok: {args.draw} checks out")
    for problem in problems:
        output.error(problem)
    return exitcodes.SOME_FAILED if problems else exitcodes.OK
