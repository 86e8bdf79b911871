"""The Studio's UI strings in Arabic and English (no Qt Linguist: each string is a pair)."""

from __future__ import annotations

from ...authoring.labels import Label

__all__ = ["UI", "Label", "ui"]


def ui(ar: str, en: str) -> Label:
    """A UI string in both languages; the window shows ``label.get(lang)``."""
    return Label(ar, en)


class UI:
    """Strings used in more than one place."""

    title = ui("استوديو الكشك", "Kiosk Studio")
    file = ui("&ملف", "&File")
    edit = ui("&تحرير", "&Edit")
    view = ui("&عرض", "&View")
    language = ui("اللغة", "Language")
    new = ui("حزمة جديدة…", "New bundle…")
    open_folder = ui("فتح مجلد…", "Open folder…")
    open_zip = ui("فتح ملف ‎.zip…", "Open .zip…")
    save = ui("حفظ", "Save")
    undo = ui("تراجع", "Undo")
    redo = ui("إعادة", "Redo")
    add_entity = ui("إضافة جهة", "Add an entity")
    quit = ui("إغلاق", "Quit")
    recent = ui("الحزم الأخيرة", "Recent bundles")
    no_recent = ui("لا توجد حزم مفتوحة من قبل.", "No bundle opened yet.")
    start_hint = ui(
        "ابدأ حزمة جديدة أو افتح حزمة موجودة.", "Start a new bundle, or open one you have."
    )
    outline = ui("المخطط", "Outline")
    problems = ui("المشكلات", "Problems")
    checking = ui("جارٍ الفحص…", "Checking…")
    no_problems = ui("لا توجد مشكلات.", "No problems.")
    missing = ui("الترجمة ناقصة", "Translation missing")
    gap_mark = ui("ترجمة ناقصة", "translation missing")
    arabic = ui("العربية", "Arabic")
    english = ui("الإنجليزية", "English")
    no_texts = ui(
        "لا توجد نصوص يراها الزائر هنا. اختر عنصرًا في المخطط.",
        "No visitor texts here. Choose something in the outline.",
    )
    severity = ui("الخطورة", "Severity")
    error = ui("خطأ", "error")
    warning = ui("تحذير", "warning")
    col_file = ui("الملف", "File")
    col_field = ui("الحقل", "Field")
    col_message = ui("المشكلة", "Problem")
    col_fix = ui("الحل", "Fix")
    col_name = ui("الاسم", "Name")
    col_problems = ui("المشكلات", "Problems")
    restore_title = ui("استعادة العمل غير المحفوظ؟", "Restore unsaved work?")
    restore_text = ui(
        "أُغلق الاستوديو قبل حفظ هذه الحزمة. هل تريد استعادة التعديلات المحفوظة تلقائيًا؟",
        "Studio closed before this bundle was saved. Restore the autosaved changes?",
    )
    locked_title = ui("الحزمة مفتوحة في مكان آخر", "Bundle open elsewhere")
    cannot_open = ui("تعذّر فتح الحزمة", "Cannot open the bundle")
    cannot_save = ui("تعذّر الحفظ", "Cannot save")
    unsaved_title = ui("تعديلات غير محفوظة", "Unsaved changes")
    unsaved_text = ui("هل تريد حفظ التعديلات قبل الإغلاق؟", "Save your changes before closing?")
    saved = ui("حُفظ.", "Saved.")
    choose_new = ui("اختر مجلدًا فارغًا للحزمة الجديدة", "Choose an empty folder for the new bundle")
    choose_work = ui(
        "اختر مجلدًا فارغًا لفك الحزمة فيه", "Choose an empty folder to unpack the bundle into"
    )


class PublishUI:
    """Pack and publish, media drop, the undo history and old-format upgrades (issue 14,
    items 1, 4, 9 and 10): kept together."""

    pack = ui("تحزيم للأكشاك…", "Pack for the kiosks…")
    pack_title = ui("تحزيم الحزمة للأكشاك", "Pack the bundle for the kiosks")
    pack_intro = ui(
        "يحفظ الاستوديو تعديلاتك، ثم يكتب ملف ZIP فيه بصمة تحقق لكل ملف، "
        "جاهزًا للتثبيت على الأكشاك.",
        "The Studio saves your changes, then writes a .zip with a checksum for every file, "
        "ready to install on the kiosks.",
    )
    version = ui("الإصدار", "Version")
    version_was = ui(
        "الإصدار الحالي: {old}. يجب أن يكون الجديد أعلى منه.",
        "Now {old}; the new one must be higher.",
    )
    folder = ui("الحفظ في", "Save to")
    no_folder = ui("لم يُختر مجلد بعد", "No folder chosen yet")
    choose = ui("اختيار…", "Choose…")
    choose_folder = ui("اختر المجلد الذي يُكتب فيه ملف ZIP", "Choose the folder for the .zip")
    file_name = ui("اسم الملف", "File name")
    signing = ui("التوقيع", "Signature")
    signed_with = ui("يُوقَّع بمفتاح الموظفين: {key}", "Signed with the staff key {key}")
    unsigned = ui(
        "بلا توقيع: لم يُحدَّد مفتاح موظفين (\u2066kiosk keys new\u2069). "
        "الأكشاك التي تطلب توقيعًا سترفضه.",
        "Not signed: no staff key is set (kiosk keys new). Kiosks that require signatures "
        "will refuse it.",
    )
    choose_key = ui("اختيار المفتاح…", "Choose key…")
    choose_key_title = ui(
        "اختر مفتاح التوقيع (ملف key الذي صنعه \u2066kiosk keys new\u2069)",
        "Choose the signing key (the .key file from kiosk keys new)",
    )
    no_key = ui("بلا توقيع", "Don't sign")
    do_pack = ui("تحزيم", "Pack")
    ready = ui("جاهزة للتحزيم", "Ready to pack")
    close = ui("إغلاق", "Close")
    packing = ui("جارٍ التحزيم…", "Packing…")
    checking = ui("جارٍ فحص الحزمة…", "Checking the bundle…")
    checking_media = ui("جارٍ فحص الصور والفيديو…", "Checking the pictures and videos…")
    packed = ui("حُزمت في {out}.", "Packed into {out}.")
    packed_signed = ui("حُزمت في {out} ووُقّعت ({sig}).", "Packed into {out} and signed ({sig}).")
    cannot_pack = ui("تعذّر التحزيم", "Cannot pack")
    refused_errors = ui(
        "لوحة المشكلات فيها {n} من الأخطاء، والأكشاك ترفض حزمة فيها أخطاء. الحل: صحّح كل خطأ "
        "(انقر مرتين على الخطأ للانتقال إليه) ثم حزّم مرة أخرى.",
        "The Problems panel lists {n} error(s), and kiosks refuse a bundle with errors. "
        "Fix: correct each one (double-click it to go there), then pack again.",
    )
    exists = ui(
        "{out} موجود. الحل: ارفع رقم الإصدار أو اختر مجلدًا آخر.",
        "{out} exists. Fix: raise the version, or choose another folder.",
    )
    add_media = ui("إضافة صور وفيديو…", "Add pictures and videos…")
    add_media_title = ui("اختر صورًا أو مقاطع فيديو للشرائح", "Choose pictures or videos for slides")
    media_target = ui(
        "اختر جهة أو شريحة في المخطط أولًا: تُضاف الشرائح الجديدة إليها.",
        "Choose an entity or a slide in the outline first: the new slides go there.",
    )
    adding = ui("جارٍ إضافة {name} ({i} من {n})…", "Adding {name} ({i} of {n})…")
    cancel = ui("إلغاء", "Cancel")
    added = ui("أُضيفت {n} شريحة.", "Added {n} slide(s).")
    media_refused = ui("لم تُضَف بعض الملفات", "Some files were not added")
    undo_history = ui("سجل التراجع", "Undo history")
    undo_empty = ui("<الحزمة كما فُتحت>", "<the bundle as opened>")
    upgraded_title = ui("رُقّيت الحزمة إلى التنسيق الحالي", "Bundle upgraded to the current format")
    upgraded_status = ui(
        "رُقّي تنسيق الحزمة من {old} إلى {new}؛ احفظ لكتابته.",
        "Bundle format upgraded from {old} to {new}; save to write it.",
    )
