"""What the staff panel shows, as typed values, and every sentence it says to staff in
Arabic and English.

The slow part (the store's pointer and records, the disk, the event writer's status file)
is read by :func:`read_store_view` in a worker thread; the rest is built from what the
kiosk already holds. ``kiosk.qt.admin`` turns these values into properties for QML.

The sentences are our own and come in both languages. A detail that comes from elsewhere
(a validation problem, an operating-system error, a file's path) is quoted as it is, in
English, inside both: it names the file, the field and the fix, and staff search for it.

Pure Python; never imports PySide6.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .store import NotInstalled

if TYPE_CHECKING:
    from .analytics.store import Status
    from .config import Config
    from .store import BundleStore
    from .store.drop import Checked, Scan

LOW_DISK_BYTES = 1 << 30
"""Below this much free space in the data folder, the panel warns."""
PROBLEMS_SHOWN = 8
"""Problems listed under a bundle found in a drop folder (the first ones)."""


@dataclass(frozen=True)
class Said:
    """One sentence for staff, in both languages."""

    ar: str
    en: str

    def __bool__(self) -> bool:
        return bool(self.en or self.ar)

    def qml(self) -> dict[str, str]:
        """As QML's ``Theme.tr`` reads it."""
        return {"ar": self.ar, "en": self.en}


NOTHING = Said("", "")


# --- what is on show -------------------------------------------------------------------------


@dataclass(frozen=True)
class ActiveBundle:
    bundle_id: str
    version: str
    folder: str
    """The installed folder's name; empty when the kiosk shows the sample."""
    installed_utc: str = ""
    signature: str = "sample"
    """signed, forced, unsigned, or sample (nothing installed)."""

    @property
    def title(self) -> str:
        return f"{self.bundle_id} {self.version}".strip()

    @property
    def detail(self) -> Said:
        if self.signature == "sample":
            return Said("حزمة العيّنة (لم تُثبَّت أي حزمة)", "sample bundle (nothing installed)")
        how = {
            "signed": Said("موقّعة", "signed"),
            "forced": Said(
                "ثُبّتت دون توقيع صالح، بقرار الموظفين", "forced, without a valid signature"
            ),
            "unsigned": Said("غير موقّعة", "unsigned"),
        }[self.signature]
        if not self.installed_utc:
            return how
        return Said(
            f"{how.ar} · ثُبّتت في {self.installed_utc}", f"{how.en} · installed {self.installed_utc}"
        )


@dataclass(frozen=True)
class StoreView:
    """The store's side of the panel, read in a worker thread."""

    active: ActiveBundle
    previous: str
    """The bundle a rollback goes back to (empty: none)."""
    warnings: tuple[Said, ...] = ()


def read_store_view(
    store: BundleStore, config: Config, shown: tuple[str, str], log_path: Path, writer: Status
) -> StoreView:
    """What the store, the disk and the event writer say now (kiosk.toml's own problems
    are :func:`config_warnings`). ``shown`` is the id and
    version of the bundle on screen (what the panel names when nothing is installed);
    ``writer`` is the running event log's own status. Touches the file system: call it
    in a worker thread."""
    from .analytics import read_status

    state = store.state()
    active = ActiveBundle(shown[0], shown[1], "")
    if state.current:
        try:
            item = store.get(state.current)
        except NotInstalled:
            pass
        else:
            sig = "signed" if item.signed_by else ("forced" if item.forced else "unsigned")
            active = ActiveBundle(item.bundle_id, item.version, item.name, item.installed_utc, sig)
    warnings: list[Said] = []
    saved = read_status(log_path)
    if saved is not None or not writer.ok:
        why = writer.last_error or (saved.last_error if saved else "")
        warnings.append(Said(f"لا تُحفظ الأحداث: {why}", f"Events are not being saved: {why}"))
    try:
        free = shutil.disk_usage(config.data_dir).free
    except OSError:
        pass
    else:
        if free < LOW_DISK_BYTES:
            gb = f"{free / 1e9:.1f}"
            warnings.append(
                Said(
                    f"القرص يكاد يمتلئ: {gb} غيغابايت متاحة في {config.data_dir}",
                    f"Disk nearly full: {gb} GB free in {config.data_dir}",
                )
            )
    return StoreView(active, state.previous or "", tuple(warnings))


def config_warnings(config: Config) -> tuple[Said, ...]:
    """What is wrong with kiosk.toml that staff must fix (read already: no file access)."""
    if config.signature_problem:  # fail closed: nothing installs until it is fixed
        return (
            Said(
                f"لن تُثبَّت أي حزمة حتى يُصلَح هذا: {config.signature_problem}",
                config.signature_problem,
            ),
        )
    return ()


# --- what staff brought ----------------------------------------------------------------------


@dataclass(frozen=True)
class FoundBundle:
    """A bundle in a drop folder, as the panel lists it."""

    path: Path
    bundle_id: str = ""
    version: str = ""
    checking: bool = True
    """Still being validated (then it cannot be installed yet)."""
    problems: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def valid(self) -> bool:
        return not self.checking and not self.problems

    def qml(self) -> dict[str, object]:
        if self.checking:
            state = Said("يجري الفحص…", "checking…")
        elif self.valid:
            state = Said("✓ سليمة", "✓ valid")
        else:
            state = Said("✗ لا يمكن تثبيتها", "✗ cannot be installed")
        return {
            "path": str(self.path),
            "name": self.name,
            "title": f"{self.bundle_id} {self.version}".strip(),
            "state": state.qml(),
            "valid": self.valid,
            "problems": list(self.problems),
        }


def found_bundles(checks: Mapping[Path, Checked | None]) -> tuple[FoundBundle, ...]:
    """The drop folders' bundles, in path order; ``None``: still being checked."""
    out = []
    for path, checked in sorted(checks.items()):
        if checked is None:
            out.append(FoundBundle(path))
        else:
            problems = tuple(str(p) for p in checked.report.errors[:PROBLEMS_SHOWN])
            out.append(FoundBundle(path, checked.bundle_id, checked.version, False, problems))
    return tuple(out)


def scan_note(scan: Scan) -> Said:
    """What a drop-folder scan left out, and what to do about it."""
    parts_ar, parts_en = [], []
    for folder in scan.crowded:
        parts_ar.append(
            f"في {folder} أكثر من {scan.max_entries:,} ملف، فلم يُفحص إلا أولها. "
            "اترك في مجلد الاستلام الحزم وحدها."
        )
        parts_en.append(
            f"{folder} has more than {scan.max_entries:,} files; only the first "
            f"{scan.max_entries:,} were looked at. Keep only bundles in a drop folder."
        )
    if scan.more_bundles:
        parts_ar.append(
            f"في مجلدات الاستلام أكثر من {scan.max_bundles} حزمة، فلا تظهر إلا أول "
            f"{scan.max_bundles}. احذف ما لا تحتاج إليه."
        )
        parts_en.append(
            f"More than {scan.max_bundles} bundles in the drop folders; only the first "
            f"{scan.max_bundles} are shown. Remove the ones you do not need."
        )
    return Said(" ".join(parts_ar), " ".join(parts_en))


# --- today's figures -------------------------------------------------------------------------


@dataclass(frozen=True)
class TopEntity:
    name_ar: str
    name_en: str
    views: int


@dataclass(frozen=True)
class TodayFigures:
    """Today's visitor figures (UTC day), or why they could not be read."""

    sessions: int = 0
    events: int = 0
    top: tuple[TopEntity, ...] = ()
    error: str = ""

    def said(self, logged: int) -> Said:
        """The panel's figures line; ``logged`` is the events saved since the kiosk started."""
        if self.error:
            return Said(
                f"تعذّرت قراءة أرقام اليوم: {self.error}",
                f"Today's figures cannot be read: {self.error}",
            )
        ar = f"{self.sessions} زيارات  ·  {logged} حدثًا سُجّل منذ التشغيل"
        en = f"{self.sessions} visitor sessions  ·  {logged} events logged since start"
        if self.top:
            ar += "\n" + "، ".join(f"{t.name_ar} ({t.views})" for t in self.top)
            en += "\n" + ", ".join(f"{t.name_en} ({t.views})" for t in self.top)
        return Said(ar, en)


def read_today(db: Path, today: str) -> TodayFigures:
    """Today's figures from a connection of the caller's own (a worker thread's)."""
    from .analytics import Filter, connect, summarize

    if not db.is_file():
        return TodayFigures()
    conn = connect(str(db))
    try:
        s = summarize(conn, Filter(since=today))
    finally:
        conn.close()
    top = tuple(TopEntity(e.name_ar, e.name_en, e.views) for e in s.entities[:3])
    return TodayFigures(s.sessions, s.events, top)


# --- the panel's own sentences ---------------------------------------------------------------


def locked(seconds: float) -> Said:
    s = int(seconds + 0.999)
    return Said(
        f"أُقفل بعد أرقام خاطئة: حاول مرة أخرى بعد {s} ثانية.",
        f"Locked after wrong PINs: try again in {s} s.",
    )


def wrong_pin(tries_left: int) -> Said:
    return Said(
        f"رمز خاطئ. تبقّت {tries_left} محاولات قبل الإقفال.",
        f"Wrong PIN. {tries_left} tries left before a lockout.",
    )


NO_PIN = Said(
    "لم يُضبط رمز للموظفين على هذا الجهاز: شغّل 'kiosk admin set-pin'.",
    "No staff PIN is set on this kiosk: run 'kiosk admin set-pin'.",
)
CANCELLED = Said("أُلغي: لم يُثبَّت شيء.", "Cancelled: nothing was installed.")
NO_PREVIOUS = Said(
    "لا توجد حزمة سابقة للرجوع إليها.", "There is no previous bundle to roll back to."
)
SAVED_LANGUAGE = Said(
    "حُفظ: يستعمله الجهاز بعد إعادة تشغيله.", "Saved: the kiosk uses it after its next restart."
)


def installed(name: str) -> Said:
    return Said(
        f"ثُبّتت {name}؛ تظهر في أول لحظة هدوء.",
        f"Installed {name}; it shows at the next quiet moment.",
    )


def not_installed(why: str) -> Said:
    return Said(f"لم تُثبَّت: {why}", f"Not installed: {why}")


def unreadable(name: str, why: str) -> Said:
    return not_installed(f"{name} could not be read ({why})")


def rolled_back(name: str) -> Said:
    return Said(
        f"أُعيدت {name}؛ تظهر في أول لحظة هدوء.",
        f"Rolled back to {name}; it shows at the next quiet moment.",
    )


def not_rolled_back(why: str) -> Said:
    return Said(f"لم يتم الرجوع: {why}", f"Not rolled back: {why}")


def not_saved(why: str) -> Said:
    return Said(f"تعذّر حفظ الإعداد: {why}", f"Could not save the setting: {why}")
