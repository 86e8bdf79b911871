"""``kiosk doctor``: check this machine and this kiosk's files, and say what to fix."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path

from .. import doctor as d
from ..paths import SAMPLE_BUNDLE
from .common import add_settings_arguments, settings

DOCTOR_HELP = """\
Check everything the kiosk needs, one line per check (OK, WARN or FAIL, and what
to fix): the config file, its trusted_keys, the admin PIN, free disk space in the data folder, the
analytics database (PRAGMA quick_check) and the event writer's last report, the
kiosk's last logged errors, the
active bundle (re-hashed), the display, OpenGL and Qt Multimedia (one video of
the bundle is decoded), and the bundle's fonts. Run it as the kiosk's user, in
its session, to check the real screen (docs/deploy.md). The data folder and the
database are found as kiosk run finds them: --data-dir and --db, else data_dir
and db in kiosk.toml (--config, else $KIOSK_CONFIG).
Exit status: 0 nothing failed (warnings allowed), 1 something failed.

example:
  kiosk doctor
  kiosk doctor --config /etc/kiosk/kiosk.toml --db /srv/kiosk/kiosk.db
  kiosk doctor --bundle /media/usb/pavilion-day2 --quick
"""


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "doctor",
        help="check the machine and the kiosk's files, say what to fix",
        description=DOCTOR_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_settings_arguments(p)
    p.add_argument(
        "--bundle",
        type=Path,
        default=None,
        metavar="DIR",
        help="check this bundle folder's fonts and video (default: the active bundle, "
        "else the sample bundle)",
    )
    p.add_argument(
        "--quick",
        action="store_true",
        help="skip the checks that start Qt (display, OpenGL, multimedia, video, fonts)",
    )
    p.set_defaults(func=cmd_doctor)


def _show(result: d.CheckResult, results: list[d.CheckResult]) -> None:
    results.append(result)
    for line in result.lines():
        print(line, flush=True)


def cmd_doctor(args: argparse.Namespace) -> int:
    results: list[d.CheckResult] = []
    resolved = settings(args, report=False)  # the config check below lists its problems
    cfg, config_result = d.check_config(resolved.config_path)
    cfg = replace(cfg, data_dir=resolved.data_dir, db=resolved.db_path)  # the flags win
    _show(config_result, results)
    _show(d.check_signatures(cfg), results)
    _show(d.check_admin(cfg), results)
    _show(d.check_disk(cfg.data_dir), results)
    _show(d.check_database(cfg.db_path), results)
    _show(d.check_event_writer(cfg.db_path), results)
    _show(d.check_recent_errors(cfg.data_dir), results)
    active, bundle_result = d.check_active_bundle(cfg.data_dir)
    _show(bundle_result, results)
    bundle = args.bundle or active or SAMPLE_BUNDLE

    if not args.quick:
        probe = d.run_qt_probe(d.first_video(bundle))
        for r in d.probe_results(probe):
            _show(r, results)
        if "error" in probe:
            # Qt could not start on this display: the fonts can still be checked offscreen.
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from ..qt.inspector import QtInspector  # Qt only when it is wanted

        _show(d.check_fonts(bundle, QtInspector()), results)

    fails = sum(r.level is d.Level.FAIL for r in results)
    warns = sum(r.level is d.Level.WARN for r in results)
    if fails:
        print(f"{fails} check(s) failed, {warns} warning(s): fix the FAIL lines above.")
    elif warns:
        print(f"Nothing failed; {warns} warning(s) above.")
    else:
        print("All checks passed.")
    sys.stdout.flush()
    return 1 if fails else 0
