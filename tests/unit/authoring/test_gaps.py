"""Translation gaps and problem counts, as the outline marks them."""

from __future__ import annotations

from kiosk.authoring import (
    Gap,
    Node,
    Project,
    SetText,
    entity_file,
    media_uses,
    node_of,
    problem_counts,
    translation_gaps,
)
from kiosk.bundle import Report, validate

ENTITY = entity_file("example")
MOI = entity_file("moi")


def test_a_complete_bundle_has_no_gaps(project: Project, sample: Project) -> None:
    assert translation_gaps(project) == []
    assert translation_gaps(sample) == []


def test_missing_and_empty_translations_are_named_as_the_validator_names_them(
    project: Project,
) -> None:
    h = project.history
    h.push(SetText(ENTITY, ("slides", 1, "caption"), "en", "   "))
    h.push(SetText(ENTITY, ("slides", 0, "bullets", 1), "ar", "\u200f"))  # only a mark
    h.push(SetText(ENTITY, ("demos", 0, "screens", 0, "items", 1, "label"), "en", ""))
    del project.entity("example")["name"]["ar"]
    gaps = translation_gaps(project)
    assert [(g.field, g.lang, g.missing) for g in gaps] == [
        ("name.ar", "ar", True),
        ("slides[0].bullets[1].ar", "ar", False),
        ("slides[1].caption.en", "en", False),
        ("demos[0].screens[0].items[1].label.en", "en", False),
    ]
    assert gaps[2] == Gap(ENTITY, "slides[1].caption.en", "en", "slides[1].caption", False)
    assert gaps[2].path == ("slides", 1, "caption")
    project.save()
    fields = {(p.file, p.field) for p in validate(project.root).errors}
    assert {(g.file, g.field) for g in gaps} <= fields


def test_a_required_text_that_is_absent_is_a_gap_in_each_language(sample: Project) -> None:
    del sample.entity("moi")["demos"][0]["screens"][0]["hotspots"][0]["hint"]
    del sample.entity("moi")["slides"][0]["caption"]  # optional: no gap
    gaps = translation_gaps(sample)
    assert [g.field for g in gaps] == [
        "demos[0].screens[0].hotspots[0].hint.ar",
        "demos[0].screens[0].hotspots[0].hint.en",
    ]


def test_node_of_a_field() -> None:
    assert node_of(MOI, "slides[2].caption.en") == Node(MOI, "slides[2]")
    assert node_of(MOI, "slides[2].bullets[1].ar") == Node(MOI, "slides[2]")
    assert node_of(MOI, "demos[0].title.en") == Node(MOI, "demos[0]")
    assert node_of(MOI, "demos[0].screens[1].title") == Node(MOI, "demos[0].screens[1]")
    field = "demos[0].screens[1].items[2].options[0].ar"
    assert node_of(MOI, field) == Node(MOI, "demos[0].screens[1].items[2]")
    assert node_of(MOI, "name.ar") == Node(MOI)
    assert node_of("bundle.toml", "title.en") == Node("bundle.toml")
    assert list(Node(MOI, "demos[0].screens[1]").lineage()) == [
        Node(MOI, "demos[0].screens[1]"),
        Node(MOI, "demos[0]"),
        Node(MOI),
        Node("bundle.toml"),
    ]


def test_problem_counts_per_node() -> None:
    report = Report("x")
    report.error(MOI, "slides[2].caption.en", "empty", "write it", "empty-text")
    report.warning(MOI, "slides[2].body.ar", "long", "cut it", "text-scrolls")
    report.error(MOI, "demos[0].screens[1].hotspots[0].target", "no screen", "pick one")
    report.error("bundle.toml", "entities[1]", "there is no entities/pp/entity.toml", "add it")
    report.warning("entities/moi/slides/a.jpg", "", "too small", "export it larger")
    report.warning("entities/moi/videos/b.mp4", "", "heavy", "re-encode it")
    uses = {"entities/moi/slides/a.jpg": [(MOI, "slides[0].image")]}
    counts = problem_counts(report, ["moi", "pp"], uses)
    slide = counts[Node(MOI, "slides[2]")]
    assert (slide.errors, slide.warnings) == (1, 1)
    assert counts[Node(MOI, "demos[0].screens[1].hotspots[0]")].errors == 1
    assert counts[Node(MOI, "demos[0].screens[1]")].errors == 1
    assert counts[Node(MOI, "demos[0]")].errors == 1
    assert counts[Node(MOI, "slides[0]")].warnings == 1  # the picture it shows
    assert counts[Node(entity_file("pp"))].errors == 1
    moi = counts[Node(MOI)]
    assert (moi.errors, moi.warnings) == (2, 3)  # the video counts on its entity
    everything = counts[Node("bundle.toml")]
    assert everything.total == 6 and len(everything.problems) == 6
    assert Node(MOI, "slides[1]") not in counts


def test_counts_from_a_real_report(project: Project) -> None:
    project.history.push(SetText(ENTITY, ("demos", 0, "title"), "ar", ""))
    project.save()
    report = validate(project.root)
    counts = problem_counts(report, project.entity_ids, media_uses(project))
    assert counts[Node(ENTITY, "demos[0]")].errors == 1
    assert counts[Node("bundle.toml")].errors == 1


def test_media_uses(project: Project) -> None:
    assert media_uses(project) == {
        "entities/example/logo.png": [(ENTITY, "logo")],
        "entities/example/slides/picture.png": [(ENTITY, "slides[1].image")],
    }
