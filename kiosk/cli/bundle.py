"""``kiosk bundle ...``: validate, init, pack and proof asset bundles."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from ..bundle import MediaInspector, Report, init, pack, validate
from ..bundle.problems import Problem
from ..settings import Settings
from ..store import (
    BundleStore,
    InstallError,
    InstallOptions,
    NothingToRollBack,
    NotInstalled,
    StoreError,
)
from ..terminal import printable
from . import common
from .common import add_settings_arguments
from .progress import ProgressBar

VALIDATE_HELP = """\
Check a bundle folder or .zip and list every problem at once, each with the
file, the field and how to fix it. Exit status: 0 valid, 1 not valid, 2 usage.
A valid bundle is also laid out as the kiosk shows it on a 1920x1080 screen: a
text that would have to scroll there is a warning naming the slide, the
language and about how much to cut (some seconds; --no-decode skips it).

example:
  kiosk bundle validate kiosk/sample_bundle
  kiosk bundle validate pavilion-day2.zip --json > report.json
"""

INIT_HELP = """\
Write a minimal bundle that validates, as a starting point: one entity with a
text slide, an image slide and a one-screen demo, plus the fonts.

example:
  kiosk bundle init my-pavilion && kiosk bundle validate my-pavilion
"""

PACK_HELP = """\
Validate a bundle folder and pack it into one .zip with the SHA-256 and size of
every file, so that a copy can be verified. Refuses a bundle with errors.

example:
  kiosk bundle pack kiosk/sample_bundle -o pavilion-1.0.0.zip
"""

PROOF_HELP = """\
Make one PDF for a ministry to approve: the Home page, every slide and every
demo screen, drawn by the kiosk itself (offscreen) in each language and screen
shape, each with every text on it listed beside it in all the bundle's
languages. Demo screens have their hotspots outlined and numbered; the hints
are listed under the same numbers. A cover (bundle id, version, date, counts)
and an index come first. Pages: 1 cover + 1 index page per 32 views + one page
per view (Home, slide, screen), language and shape. The bundle must validate.
About half a second a page. More: docs/proof.md.

example:
  kiosk bundle proof kiosk/sample_bundle -o proof.pdf
  kiosk bundle proof my-pavilion -o moi.pdf --lang ar --shape portrait
"""


INSTALL_HELP = """\
Install a bundle (.zip or folder) into the kiosk's bundle store and make it
active: it is unpacked safely, every file is checked against the bundle's
checksums, the bundle is validated in full, and only then does the active
pointer switch. A running kiosk picks it up at the next quiet moment. Ctrl+C
cancels without leaving anything half-installed. The data folder, trusted_keys
and keep_bundles come from kiosk.toml (found as kiosk run finds it): when it
lists trusted_keys, an unsigned bundle is refused unless --force is given.

example:
  kiosk bundle install /media/usb/pavilion-1.1.0.zip
  kiosk bundle install pavilion.zip --trusted-key "$(cat keys/kiosk-signing.pub)"
  kiosk bundle install pavilion.zip --config /etc/kiosk/kiosk.toml
"""

STORE_HELP = """\
example:
  kiosk bundle list
  kiosk bundle verify
  kiosk bundle rollback
  kiosk bundle activate qatar-gcc-egov-2015-1.0.0
"""


def _store_args(p: argparse.ArgumentParser) -> None:
    add_settings_arguments(p, db=False)  # the store commands never touch the database


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    fmt = argparse.RawDescriptionHelpFormatter
    p = sub.add_parser("bundle", help="validate, create, pack and install asset bundles")
    bsub = p.add_subparsers(dest="bundle_cmd", required=True, metavar="COMMAND")

    v = bsub.add_parser(
        "validate", help="check a bundle", description=VALIDATE_HELP, formatter_class=fmt
    )
    v.add_argument("path", type=Path, help="bundle folder or .zip")
    v.add_argument("--json", action="store_true", help="print the report as JSON")
    v.add_argument(
        "--no-decode",
        action="store_true",
        help="skip full decoding of images, videos and fonts (structure is still checked)",
    )
    v.set_defaults(func=cmd_validate)

    pr = bsub.add_parser(
        "proof",
        help="a PDF of every page and text, for sign-off",
        description=PROOF_HELP,
        formatter_class=fmt,
    )
    pr.add_argument("dir", type=Path, help="bundle folder or .zip")
    pr.add_argument("-o", "--output", type=Path, required=True, help="the .pdf to write")
    pr.add_argument(
        "--lang",
        default=None,
        help="languages to show the pictures in, comma-separated (default: all the bundle's)",
    )
    pr.add_argument(
        "--shape",
        default="landscape,portrait",
        help="screen shapes, comma-separated: landscape (1920x1080), portrait (1080x1920) "
        "(default: both)",
    )
    pr.set_defaults(func=cmd_proof)

    i = bsub.add_parser(
        "init", help="start a new bundle", description=INIT_HELP, formatter_class=fmt
    )
    i.add_argument("dir", type=Path, help="folder to create (must be empty or absent)")
    i.add_argument("--id", default="my-bundle", help="bundle id (default: my-bundle)")
    i.set_defaults(func=cmd_init)

    k = bsub.add_parser(
        "pack", help="pack a bundle into a .zip", description=PACK_HELP, formatter_class=fmt
    )
    k.add_argument("dir", type=Path, help="bundle folder")
    k.add_argument("-o", "--output", type=Path, required=True, help="the .zip to write")
    k.add_argument(
        "--sign", type=Path, metavar="KEY", help="sign it with this key (from 'kiosk keys new')"
    )
    k.set_defaults(func=cmd_pack)

    ins = bsub.add_parser(
        "install",
        help="install a bundle into the kiosk",
        description=INSTALL_HELP,
        formatter_class=fmt,
    )
    ins.add_argument("source", type=Path, help="bundle .zip or folder")
    _store_args(ins)
    ins.add_argument("--no-activate", action="store_true", help="install only; activate later")
    ins.add_argument(
        "--force", action="store_true", help="accept an unsigned, wrongly signed or older bundle"
    )
    ins.add_argument(
        "--keep",
        type=int,
        default=None,
        help="installed bundles to keep (default: keep_bundles in kiosk.toml, else 3)",
    )
    ins.add_argument(
        "--trusted-key",
        action="append",
        default=[],
        metavar="BASE64",
        help="require a signature by this public key too (repeatable; the keys in "
        "kiosk.toml's trusted_keys are always required)",
    )
    ins.set_defaults(func=cmd_install)

    ls = bsub.add_parser(
        "list", help="installed bundles", description=STORE_HELP, formatter_class=fmt
    )
    _store_args(ls)
    ls.set_defaults(func=cmd_list)
    ver = bsub.add_parser(
        "verify", help="re-hash an installed bundle", description=STORE_HELP, formatter_class=fmt
    )
    ver.add_argument("name", nargs="?", help="installed bundle (default: the active one)")
    _store_args(ver)
    ver.set_defaults(func=cmd_verify)
    rb = bsub.add_parser(
        "rollback",
        help="go back to the previous bundle",
        description=STORE_HELP,
        formatter_class=fmt,
    )
    _store_args(rb)
    rb.set_defaults(func=cmd_rollback)
    act = bsub.add_parser(
        "activate",
        help="make an installed bundle active",
        description=STORE_HELP,
        formatter_class=fmt,
    )
    act.add_argument("name", help="installed bundle name (or its start)")
    _store_args(act)
    act.set_defaults(func=cmd_activate)

    from .importers import add_parsers as add_importers  # import-deck, import-sheet, strings

    add_importers(bsub)


def _inspector(decode: bool = True, *, layout: bool = False) -> MediaInspector | None:
    if not decode:
        return None
    from ..qt.inspector import media_inspector  # Qt only where full decoding is wanted

    return media_inspector(layout=layout)


def _print_problem(p: Problem, out: TextIO) -> None:
    # file names and texts come from the bundle: escape what could drive the terminal
    label = "ERROR  " if p.severity == "error" else "WARNING"
    print(f"{label} {printable(p.location())}", file=out)
    print(f"        {printable(p.message)}", file=out)
    print(f"        fix: {printable(p.fix)}", file=out)


def print_report(report: Report, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    for p in report.errors + report.warnings:
        _print_problem(p, out)
    ne, nw = len(report.errors), len(report.warnings)
    verdict = "is valid" if report.ok else "is NOT valid"
    print(
        f"{printable(report.source)} {verdict}: {ne} error{'s' * (ne != 1)}, "
        f"{nw} warning{'s' * (nw != 1)}",
        file=out,
    )


def cmd_validate(args: argparse.Namespace) -> int:
    bar = ProgressBar()
    try:
        report = validate(args.path, _inspector(not args.no_decode, layout=True), progress=bar)
    finally:
        bar.close()
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print_report(report)
    return 0 if report.ok else 1


def cmd_init(args: argparse.Namespace) -> int:
    try:
        init(args.dir, args.id)
    except FileExistsError:
        print(f"kiosk: {args.dir} is not empty; choose a new folder", file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 2
    print(f"Created {args.dir}. Edit bundle.toml and entities/example/entity.toml, then run:")
    print(f"  kiosk bundle validate {args.dir}")
    return 0


def cmd_pack(args: argparse.Namespace) -> int:
    bar = ProgressBar()
    try:
        report = pack(args.dir, args.output, _inspector(), progress=bar)
    finally:
        bar.close()
    if not report.ok:
        print_report(report)
        print("Nothing was written: fix the errors above and pack again.")
        return 1
    for p in report.warnings:
        _print_problem(p, sys.stdout)
    print(f"Packed {args.dir} into {args.output}")
    if args.sign:
        from ..store import SignatureError, load_private_key, sign_file

        try:
            sig = sign_file(args.output, load_private_key(args.sign))
        except SignatureError as exc:
            print(f"kiosk: {exc}", file=sys.stderr)
            return 1
        print(f"Signed: {sig}")
    return 0


def _names(raw: str) -> list[str]:
    return list(dict.fromkeys(n.strip() for n in raw.split(",") if n.strip()))


def cmd_proof(args: argparse.Namespace) -> int:
    import time

    from ..bundle.media import StructuralInspector
    from ..bundle.proofplan import SHAPES
    from ..bundle.validate import load, opened

    shapes = _names(args.shape)
    unknown = [s for s in shapes if s not in SHAPES]
    if not shapes or unknown:
        print(
            f"kiosk: --shape {printable(args.shape)}: choose from {', '.join(SHAPES)} "
            "(comma-separated)",
            file=sys.stderr,
        )
        return 2
    if args.output.suffix.lower() != ".pdf":
        print(f"kiosk: -o {printable(str(args.output))}: name a .pdf file", file=sys.stderr)
        return 2
    if not args.output.parent.is_dir():
        print(
            f"kiosk: -o {printable(str(args.output))}: the folder "
            f"{printable(str(args.output.parent))} does not exist; create it first",
            file=sys.stderr,
        )
        return 2
    if not args.dir.exists():
        print(
            f"kiosk: {printable(str(args.dir))}: no such bundle folder or .zip; check the path",
            file=sys.stderr,
        )
        return 1
    started = time.monotonic()
    bar = ProgressBar()
    report = Report(str(args.dir))
    with opened(args.dir, report, progress=bar) as (root, _hashes):
        if root is not None:
            report = validate(root, StructuralInspector(), progress=bar)
            report.source = str(args.dir)
        if root is None or not report.ok:
            bar.close()
            print_report(report)
            print(
                "No proof was written: fix the errors above (kiosk bundle validate "
                f"{printable(str(args.dir))}) and run it again."
            )
            return 1
        bundle = load(root)
        langs = _names(args.lang) if args.lang else list(bundle.languages)
        wrong = [lang for lang in langs if lang not in bundle.languages]
        if not langs or wrong:
            bar.close()
            print(
                f"kiosk: --lang {printable(args.lang)}: this bundle's languages are "
                f"{', '.join(bundle.languages)} (bundle.toml, languages)",
                file=sys.stderr,
            )
            return 2
        from ..qt.proof import ProofFailed, write_proof

        try:
            pages = write_proof(root, args.output, langs, shapes, bar)
        except ProofFailed as exc:
            bar.close()
            print(f"kiosk: no proof was written: {exc}", file=sys.stderr)
            return 1
        finally:
            bar.close()
    took = time.monotonic() - started
    print(f"Wrote {args.output}: {pages} pages ({took:.0f} s).")
    return 0


def _settings(args: argparse.Namespace) -> Settings:
    """kiosk.toml (as kiosk run finds it) under this command's --config and --data-dir."""
    return common.settings(args)


def _store(args: argparse.Namespace) -> BundleStore:
    return BundleStore(_settings(args).data_dir)


def cmd_install(args: argparse.Namespace) -> int:
    settings = _settings(args)
    store = BundleStore(settings.data_dir)
    store.clean_staging()
    keys = list(dict.fromkeys([*settings.trusted_keys, *args.trusted_key]))
    bar = ProgressBar()
    options = InstallOptions(
        trusted_keys=keys,
        force=args.force,
        activate=not args.no_activate,
        keys_unusable=None if args.trusted_key else settings.signature_problem,
        config_file=str(settings.config_path),
        keep=settings.keep if args.keep is None else args.keep,
        inspector=_inspector(),
        progress=bar,
    )
    try:
        item = store.install(args.source, options)
    except InstallError as exc:
        bar.close()
        print_report(exc.report)
        print("Nothing was installed; the active bundle is unchanged.")
        codes = {p.code for p in exc.report.errors}
        if "keys-unusable" in codes:
            print(
                f"--force does not help here: fix trusted_keys in {settings.config_path} first "
                "(kiosk config check)."
            )
        elif "signature" in codes:
            where = (
                f"trusted_keys in {settings.config_path}"
                if settings.trusted_keys
                else "--trusted-key"
            )
            print(
                f"This kiosk accepts only signed bundles ({where}). Sign it with "
                "'kiosk bundle pack --sign KEY', or install it unsigned with --force."
            )
        return 1
    except KeyboardInterrupt:
        bar.close()
        print("Cancelled; nothing was installed.", file=sys.stderr)
        return 130
    bar.close()
    state = "and activated" if not args.no_activate else "(not active)"
    print(f"Installed {item.name} {state}.")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    store = _store(args)
    state = store.state()
    items = store.installed()
    if not items:
        print(f"No bundles installed in {store.bundles}; the kiosk shows the sample bundle.")
        return 0
    for item in items:
        mark = (
            "active  "
            if item.name == state.current
            else ("previous" if item.name == state.previous else "        ")
        )
        signed = "signed" if item.signed_by else ("forced" if item.forced else "unsigned")
        print(f"{mark} {item.name}  installed {item.installed_utc}  {signed}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    store = _store(args)
    try:
        report = store.verify(args.name)
    except StoreError as exc:  # no such bundle, or none active
        print(f"kiosk: {exc}", file=sys.stderr)
        return 1
    print_report(report)
    return 0 if report.ok else 1


def cmd_rollback(args: argparse.Namespace) -> int:
    try:
        name = _store(args).rollback()
    except NothingToRollBack as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # StoreBusy, or the disk refused
        print(f"kiosk: not rolled back: {exc}", file=sys.stderr)
        return 1
    print(f"Rolled back: {name} is active again.")
    return 0


def cmd_activate(args: argparse.Namespace) -> int:
    store = _store(args)
    try:
        store.activate(args.name)
    except NotInstalled as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # StoreBusy: another install holds the store
        print(f"kiosk: not activated: {exc}", file=sys.stderr)
        return 1
    print(f"{store.state().current} is active.")
    return 0
