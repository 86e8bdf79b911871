"""kiosk.toml: defaults, every setting, and a problem (file, field, fix) for each mistake."""

from __future__ import annotations

import base64
import socket
import stat
import tomllib
from pathlib import Path

import pytest
import tomlkit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk import paths
from kiosk.admin import hash_pin
from kiosk.bundle import Report, init
from kiosk.bundle.problems import Severity
from kiosk.bundle.schema import parse_bundle
from kiosk.config import (
    ADMIN_KEYS,
    EXAMPLE,
    IDLE_RANGES,
    OBSOLETE_KEYS,
    TOP_KEYS,
    Config,
    IdleOverrides,
    config_path,
    dump_config,
    load_config,
    set_value,
    write_example,
)

KEY = base64.b64encode(bytes(range(32))).decode()


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The platform data folder, inside the test's folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("KIOSK_CONFIG", raising=False)
    return tmp_path / "xdg" / "qatar-kiosk"


def write(tmp_path: Path, text: str, name: str = "kiosk.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_a_missing_file_gives_the_defaults_and_no_problem(tmp_path: Path, data_home: Path) -> None:
    cfg, problems = load_config(tmp_path / "absent.toml")
    assert problems == []
    assert cfg == Config(tmp_path / "absent.toml")
    assert cfg.data_dir == paths.data_dir() == data_home
    assert cfg.kiosk_id == socket.gethostname()
    assert cfg.db_path == paths.default_db()
    assert (cfg.drop_folders, cfg.trusted_keys, cfg.pin_hash) == ((), (), None)
    assert cfg.idle == IdleOverrides()
    assert (cfg.default_language, cfg.screen) == (None, 0)
    assert (cfg.auto_apply, cfg.keep_bundles) == (False, 3)


def test_config_path_order_is_argument_then_environment_then_data_dir(
    tmp_path: Path, data_home: Path
) -> None:
    assert config_path() == data_home / "kiosk.toml"
    env = {"KIOSK_CONFIG": str(tmp_path / "env.toml")}
    assert config_path(None, env) == tmp_path / "env.toml"
    assert config_path(tmp_path / "arg.toml", env) == tmp_path / "arg.toml"


def test_every_setting_is_read(tmp_path: Path) -> None:
    pin = hash_pin("246810")
    path = write(
        tmp_path,
        f"""
        kiosk_id = "booth-2"
        data_dir = "data"                       # relative: to the config file's folder
        drop_folders = ["/media/usb", "~/drop"]
        trusted_keys = ["{KEY}"]
        default_language = "en"
        screen = 1
        auto_apply = true
        keep_bundles = 5

        [idle]
        timeout = 45
        video_timeout = 300.5
        countdown = 10

        [admin]
        pin_hash = "{pin}"
        """,
    )
    path.chmod(0o600)
    cfg, problems = load_config(path)
    assert problems == []
    assert cfg.kiosk_id == "booth-2"
    assert cfg.data_dir == tmp_path / "data"
    assert cfg.drop_folders == (Path("/media/usb"), Path.home() / "drop")
    assert cfg.trusted_keys == (KEY,) and cfg.trusted_key_bytes() == (bytes(range(32)),)
    assert (cfg.default_language, cfg.screen) == ("en", 1)
    assert (cfg.auto_apply, cfg.keep_bundles) == (True, 5)
    assert cfg.idle == IdleOverrides(45.0, 300.5, 10.0)
    assert cfg.pin_hash == pin


# (content, field, code, words in the fix)
MISTAKES = [
    ('kiosk_id = "booth 1"', "kiosk_id", "bad-id", "booth-1"),
    ("kiosk_id = 7", "kiosk_id", "type", '"booth-1"'),
    # whole string only, ASCII only: a trailing newline reached every event and export
    ('kiosk_id = "booth-1\\n"', "kiosk_id", "bad-id", "booth-1"),
    ('kiosk_id = "booth-1\\r\\n"', "kiosk_id", "bad-id", "booth-1"),
    ('kiosk_id = "booth\\u0000"', "kiosk_id", "bad-id", "booth-1"),
    ('kiosk_id = "booth-١"', "kiosk_id", "bad-id", "booth-1"),
    ('kiosk_id = "booth-１"', "kiosk_id", "bad-id", "booth-1"),
    (f'kiosk_id = "{"b" * 65}"', "kiosk_id", "bad-id", "at most 64"),
    ("data_dir = 5", "data_dir", "type", "/var/lib/kiosk"),
    ('data_dir = ""', "data_dir", "empty-text", "/var/lib/kiosk"),
    ("db = 5", "db", "type", 'db = "/var/lib/kiosk/kiosk.db"'),
    ('db = ""', "db", "empty-text", "kiosk.db in data_dir"),
    ('db = "."', "db", "not-a-file", 'db = "./kiosk.db"'),  # the config's own folder
    ('db = "/"', "db", "not-a-file", "kiosk.db"),
    ('[idle]\ndb = "k.db"', "idle.db", "misplaced-key", "above the first [section]"),
    ('drop_folders = "/media/usb"', "drop_folders", "type", "/media/usb"),
    ('drop_folders = ["/a", 3]', "drop_folders[1]", "type", "/media/kiosk/usb"),
    ('trusted_keys = ["not base64!"]', "trusted_keys[0]", "bad-key", "kiosk keys new"),
    (
        f'trusted_keys = ["{base64.b64encode(bytes(31)).decode()}"]',
        "trusted_keys[0]",
        "bad-key",
        "44 characters",
    ),
    ('default_language = "fr"', "default_language", "bad-language", '"ar" or "en"'),
    ("screen = 1.5", "screen", "type", "screen = 0"),
    ("screen = 99", "screen", "range", "0 to 15"),
    ('auto_apply = "yes"', "auto_apply", "type", "false"),
    ("keep_bundles = 0", "keep_bundles", "range", "1 to 100"),
    ("keep_bundles = true", "keep_bundles", "type", "keep_bundles = 3"),
    ("idle = 5", "idle", "type", "[idle]"),
    ("[idle]\ntimeout = 5", "idle.timeout", "range", "from 10 to 3600"),
    ("[idle]\nvideo_timeout = 9000", "idle.video_timeout", "range", "from 10 to 7200"),
    ("[idle]\ncountdown = 1", "idle.countdown", "range", "from 3 to 120"),
    ('[idle]\ntimeout = "60"', "idle.timeout", "type", "60"),
    ("[idle]\ncountdwn = 10", "idle.countdwn", "unknown-key", "did you mean 'countdown'"),
    ('[admin]\npin_hash = "1234"', "admin.pin_hash", "bad-pin-hash", "kiosk admin set-pin"),
    (
        '[admin]\npin_hash = "scrypt$١٦٣٨٤$8$1$AAAAAAAAAAA=$' + "A" * 44 + '"',
        "admin.pin_hash",
        "bad-pin-hash",
        "kiosk admin set-pin",
    ),
    ('[admin]\npin_hsh = "1234"', "admin.pin_hsh", "unknown-key", "did you mean 'pin_hash'"),
    ("kiosk_idd = 'a'", "kiosk_idd", "unknown-key", "did you mean 'kiosk_id'"),
    ("auto_aply = true", "auto_aply", "unknown-key", "did you mean 'auto_apply'"),
    # keys in the wrong table: the fix says where they belong
    ("timeout = 30", "timeout", "misplaced-key", "under the [idle] line"),
    ("timout = 30", "timout", "misplaced-key", "did you mean 'timeout'"),
    ('pin_hash = "x"', "pin_hash", "misplaced-key", "kiosk admin set-pin"),
    (
        '[idle]\ndefault_language = "en"',
        "idle.default_language",
        "misplaced-key",
        "above the first [section]",
    ),
]


@pytest.mark.parametrize(("text", "field", "code", "fix"), MISTAKES)
def test_each_mistake_is_a_problem_with_file_field_and_fix(
    tmp_path: Path, text: str, field: str, code: str, fix: str
) -> None:
    path = write(tmp_path, text + "\n")
    cfg, problems = load_config(path)
    assert [(p.file, p.field, p.code) for p in problems] == [(str(path), field, code)]
    assert fix in problems[0].fix
    assert problems[0].severity is Severity.ERROR
    # the wrong value is replaced by its default (the good items of a list stay)
    if "[" not in field:
        assert cfg == Config(path)


def test_all_problems_are_listed_at_once(tmp_path: Path) -> None:
    path = write(tmp_path, 'kiosk_id = "a b"\nscreen = -1\n[idle]\ntimeout = 1\ncountdown = 2\n')
    _, problems = load_config(path)
    assert sorted(p.field for p in problems) == [
        "idle.countdown",
        "idle.timeout",
        "kiosk_id",
        "screen",
    ]


def test_duplicates_are_warnings(tmp_path: Path) -> None:
    path = write(tmp_path, f'drop_folders = ["/a", "/a"]\ntrusted_keys = ["{KEY}", "{KEY}"]\n')
    cfg, problems = load_config(path)
    assert {(p.field, p.severity) for p in problems} == {
        ("drop_folders[1]", Severity.WARNING),
        ("trusted_keys[1]", Severity.WARNING),
    }
    assert cfg.drop_folders == (Path("/a"),) and cfg.trusted_keys == (KEY,)


def test_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, 'kiosk_id = "a"\nscreen = = 1\n')
    cfg, problems = load_config(path)
    assert [(p.field, p.code) for p in problems] == [("line 2, column 10", "syntax")]
    assert cfg == Config(path)


def test_unreadable_files_are_problems_not_exceptions(tmp_path: Path) -> None:
    (tmp_path / "dir.toml").mkdir()
    _, problems = load_config(tmp_path / "dir.toml")
    assert [p.code for p in problems] == ["not-a-file"]
    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes('kiosk_id = "caf\xe9"\n'.encode("latin-1"))
    _, problems = load_config(latin1)
    assert [(p.code, p.field) for p in problems] == [("encoding", "line 1, column 16")]
    assert "byte 0xE9 at line 1 (byte offset 15)" in problems[0].message
    assert "save it as UTF-8" in problems[0].fix


def test_a_pin_hash_others_can_read_is_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path, f'[admin]\npin_hash = "{hash_pin("1234")}"\n')
    path.chmod(0o644)
    _, problems = load_config(path)
    assert [(p.field, p.code, p.severity) for p in problems] == [
        ("admin.pin_hash", "readable-pin-hash", Severity.WARNING)
    ]
    assert problems[0].fix == f"chmod 600 {path}"
    path.chmod(0o600)
    assert load_config(path)[1] == []


def test_idle_ranges_are_the_bundles(tmp_path: Path) -> None:
    init(tmp_path / "b")
    manifest = tomllib.loads((tmp_path / "b" / "bundle.toml").read_text("utf-8"))

    def bundle_accepts(key: str, value: float) -> bool:
        report = Report("b")
        parse_bundle({**manifest, "idle": {key: value}}, report)
        return not [p for p in report.errors if p.field == f"idle.{key}"]

    def config_accepts(key: str, value: float) -> bool:
        path = write(tmp_path, f"[idle]\n{key} = {value}\n")
        return load_config(path)[1] == []

    for key, (lo, hi) in IDLE_RANGES.items():
        for value, ok in ((lo, True), (hi, True), (lo - 0.5, False), (hi + 0.5, False)):
            assert bundle_accepts(key, value) is ok, (key, value)
            assert config_accepts(key, value) is ok, (key, value)


@pytest.mark.parametrize(
    ("value", "where"),
    [
        ("booth.db", "etc/booth.db"),
        ("../var/k.db", "etc/../var/k.db"),
        ("{tmp}/abs/k.db", "abs/k.db"),
    ],
)
def test_db_names_the_database_apart_from_the_data_folder(
    tmp_path: Path, value: str, where: str
) -> None:
    (tmp_path / "etc").mkdir()
    path = write(tmp_path / "etc", f'data_dir = "/srv/d"\ndb = "{value.format(tmp=tmp_path)}"\n')
    cfg, problems = load_config(path)
    assert problems == []
    assert (cfg.data_dir, cfg.db, cfg.db_path) == (
        Path("/srv/d"),
        tmp_path / where,
        tmp_path / where,
    )
    assert f'db = "{tmp_path / where}"' in dump_config(cfg)
    cfg, _ = load_config(write(tmp_path, 'data_dir = "/srv/d"\n'))
    assert (cfg.db, cfg.db_path) == (None, Path("/srv/d/kiosk.db"))  # no db: kiosk.db in data_dir


def test_the_example_is_valid_and_documents_every_setting(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    write_example(path)
    assert path.read_text("utf-8") == EXAMPLE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    cfg, problems = load_config(path)
    assert problems == []
    assert cfg == Config(path)
    for key in (*TOP_KEYS, *IDLE_RANGES, *ADMIN_KEYS):
        assert key in EXAMPLE or key in OBSOLETE_KEYS, key
    with pytest.raises(FileExistsError):
        write_example(path)


def test_show_prints_toml_of_the_effective_settings_without_the_pin_hash(tmp_path: Path) -> None:
    pin = hash_pin("1234")
    path = write(
        tmp_path, f'drop_folders = ["/m"]\n[idle]\ncountdown = 9\n[admin]\npin_hash = "{pin}"\n'
    )
    cfg, _ = load_config(path)
    text = dump_config(cfg)
    assert pin not in text and "pin_hash: set (not shown)" in text
    data = tomllib.loads(text)
    assert data["drop_folders"] == ["/m"]
    assert data["idle"] == {"countdown": 9}
    assert data["kiosk_id"] == cfg.kiosk_id and data["keep_bundles"] == 3
    assert "default_language" not in data  # unset: a comment that says the bundle's is used


def test_set_value_keeps_comments_and_layout(tmp_path: Path) -> None:
    path = write(
        tmp_path, '# my notes\nkiosk_id = "b1"   # booth by the door\n\n[idle]\ntimeout = 30\n'
    )
    set_value(path, "admin", "pin_hash", "scrypt$x")
    set_value(path, None, "default_language", "en")
    text = path.read_text("utf-8")
    assert text.startswith('# my notes\nkiosk_id = "b1"   # booth by the door\n')
    data = tomllib.loads(text)
    assert data["admin"] == {"pin_hash": "scrypt$x"}
    assert data["default_language"] == "en" and data["idle"] == {"timeout": 30}
    set_value(path, "admin", "pin_hash", "scrypt$y")
    assert tomllib.loads(path.read_text("utf-8"))["admin"] == {"pin_hash": "scrypt$y"}
    assert [p.name for p in tmp_path.iterdir()] == ["kiosk.toml"]  # no temporary file left


def test_set_value_creates_the_example_privately_and_can_make_a_file_private(
    tmp_path: Path,
) -> None:
    path = tmp_path / "new" / "kiosk.toml"
    set_value(path, "admin", "pin_hash", "scrypt$x")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "kiosk config check" in path.read_text("utf-8")  # the example's comments
    shared = write(tmp_path, "screen = 0\n", "shared.toml")
    shared.chmod(0o664)
    set_value(shared, None, "screen", 1)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o664  # permissions kept...
    set_value(shared, "admin", "pin_hash", "scrypt$x", private=True)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o600  # ...unless asked


def test_set_value_refuses_a_broken_file_and_says_where(tmp_path: Path) -> None:
    path = write(tmp_path, "screen = = 1\n")
    with pytest.raises(ValueError, match=r"line 1, column \d+.*kiosk config check"):
        set_value(path, "admin", "pin_hash", "x")
    assert path.read_text("utf-8") == "screen = = 1\n"
    path = write(tmp_path, "admin = 1\n")
    with pytest.raises(ValueError, match=r"'admin' is a value"):
        set_value(path, "admin", "pin_hash", "x")


VALUES = st.one_of(
    st.integers(-(2**40), 2**40),
    st.floats(allow_nan=False),
    st.booleans(),
    st.text(max_size=12),
    st.lists(st.one_of(st.text(max_size=8), st.integers()), max_size=3),
)
NAMES = st.sampled_from([*TOP_KEYS, *IDLE_RANGES, *ADMIN_KEYS, "junk"])
TABLES = st.dictionaries(
    NAMES, st.one_of(VALUES, st.dictionaries(NAMES, VALUES, max_size=4)), max_size=8
)


@settings(
    max_examples=200,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(TABLES)
def test_load_config_never_raises(tmp_path: Path, data: dict[str, object]) -> None:
    path = tmp_path / "fuzz.toml"
    path.write_text(tomlkit.dumps(data), "utf-8")
    cfg, problems = load_config(path)
    assert isinstance(cfg, Config)
    for p in problems:
        assert p.file == str(path) and p.message and p.fix
    path.unlink()


# --- issue 11, items 13 and 26: how the file is saved, and how deep it nests -------------------


def test_a_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_bytes(b'\xef\xbb\xbfkiosk_id = "booth-7"\n')
    cfg, problems = load_config(path)
    assert problems == [] and cfg.kiosk_id == "booth-7"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_a_config_error_that_says_so(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_bytes('kiosk_id = "booth-7"\nscreen = 1\n'.encode(encoding))
    cfg, problems = load_config(path)
    assert cfg == Config(path)
    assert [(p.message, p.code) for p in problems] == [(f"{path} is saved as UTF-16", "encoding")]
    assert "save it as UTF-8" in problems[0].fix


NESTED = [
    "x = " + "[" * 600 + "]" * 600,
    "x = " + "{a=" * 300 + "1" + "}" * 300,
    "x = " + "[{a=" * 150 + "1" + "}]" * 150,
    "[idle]\ntimeout = " + "[" * 1000,  # unclosed, too
    "a" + ".a" * 3000 + " = 1",
]


@pytest.mark.parametrize("text", NESTED)
def test_deep_nesting_is_a_config_error_and_the_defaults_are_used(
    tmp_path: Path, text: str
) -> None:
    path = write(tmp_path, 'kiosk_id = "booth-7"\n' + text + "\n")
    cfg, problems = load_config(path)
    assert cfg == Config(path)  # the kiosk starts, on the defaults
    assert [(p.file, p.field, p.code) for p in problems] == [
        (str(path), problems[0].field, "syntax")
    ]
    assert problems[0].field.startswith("line ")
    assert "at line" in problems[0].message and problems[0].fix
    with pytest.raises(ValueError, match="kiosk config check"):
        set_value(path, None, "screen", 1)  # tomlkit recursed as well


def test_a_huge_config_file_is_refused_unread(tmp_path: Path) -> None:
    path = write(tmp_path, 'kiosk_id = "booth-7"\n# ' + "x" * 10_000_000 + "\n")
    cfg, problems = load_config(path)
    assert cfg == Config(path)
    assert [p.code for p in problems] == ["too-large"]


# -- issue 11, item 2: trusted_keys that is set but unusable fails closed ---------------------

PRIVATE = base64.b64encode(bytes(range(64))).decode()
UNUSABLE_KEYS = {
    "final-equals-missing": f'trusted_keys = ["{KEY[:-1]}"]',
    "31-bytes": f'trusted_keys = ["{base64.b64encode(bytes(31)).decode()}"]',
    "33-bytes": f'trusted_keys = ["{base64.b64encode(bytes(33)).decode()}"]',
    "private-key": f'trusted_keys = ["{PRIVATE}"]',
    "not-base64": 'trusted_keys = ["not base64!"]',
    "empty-text": 'trusted_keys = [""]',
    "a-string-not-a-list": f'trusted_keys = "{KEY}"',
    "a-number-in-the-list": "trusted_keys = [5]",
    "a-list-in-the-list": f'trusted_keys = [["{KEY}"]]',
    "a-boolean": "trusted_keys = true",
    "a-table": f'trusted_keys = {{ key = "{KEY}" }}',
    "misspelt": f'trusted_key = ["{KEY}"]',
    "capitals": f'Trusted_Keys = ["{KEY}"]',
    "dashes": f'trusted-keys = ["{KEY}"]',
    "under-admin": f'[admin]\ntrusted_keys = ["{KEY}"]',
    "under-idle": f'[idle]\ntimeout = 60\ntrusted_keys = ["{KEY}"]',
    "syntax-error-elsewhere": f'trusted_keys = ["{KEY}"]\nscreen = = 1',
    "unclosed-list": f'trusted_keys = ["{KEY}"',
}


@pytest.mark.parametrize("case", sorted(UNUSABLE_KEYS))
def test_trusted_keys_set_but_unusable_fails_closed(tmp_path: Path, case: str) -> None:
    path = write(tmp_path, UNUSABLE_KEYS[case] + "\n")
    cfg, problems = load_config(path)
    assert cfg.trusted_keys == ()
    assert cfg.trusted_keys_unusable
    message = cfg.signature_problem
    assert message and str(path) in message and "trusted_keys" in message
    assert "every bundle install is refused" in message and "kiosk keys new" in message
    assert any(p.severity is Severity.ERROR for p in problems)


def test_trusted_keys_in_a_file_that_is_not_utf8_fails_closed(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_bytes(f'kiosk_id = "b\xff"\ntrusted_keys = ["{KEY}"]\n'.encode("latin-1"))
    cfg, _ = load_config(path)
    assert cfg.trusted_keys_unusable and cfg.signature_problem


@pytest.mark.parametrize(
    "text",
    [
        "",
        "trusted_keys = []\n",
        '# trusted_keys = ["x"]\n',
        'kiosk_id = "booth-1"\n',
        f'trusted_keys = ["{KEY}", "bad"]\n',
    ],
)
def test_no_keys_on_purpose_or_one_usable_key_is_not_a_signature_problem(
    tmp_path: Path, text: str
) -> None:
    cfg, _ = load_config(write(tmp_path, text))
    assert cfg.signature_problem is None
    assert cfg.trusted_keys in ((), (KEY,))


@pytest.mark.parametrize("value", ["0", "90", "45"])
def test_rotation_is_no_longer_read_and_says_how_to_turn_the_screen(
    tmp_path: Path, value: str
) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(f"rotation = {value}\n", "utf-8")
    cfg, problems = load_config(path)
    (problem,) = problems
    assert problem.severity is Severity.WARNING and problem.field == "rotation"
    assert "no longer read" in problem.message and "docs/deploy.md" in problem.fix
    assert not hasattr(cfg, "rotation")
