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
