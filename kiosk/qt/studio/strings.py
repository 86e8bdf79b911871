"""The Studio's UI strings in Arabic and English (no Qt Linguist: each string is a pair)."""

from __future__ import annotations

from ...authoring.labels import Label

__all__ = ["DRAW", "INPUTS", "ITEM_TYPES", "UI", "Label", "ui"]


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


class DRAW:
    """Strings of the hotspot canvas (hotspots.py) and the form builder (forms.py)."""

    canvas_hint = ui(
        "اسحب على الصورة لرسم نقطة لمس. اسحب نقطة لتحريكها، ومقابضها لتغيير حجمها؛ Delete يحذفها.",
        "Drag on the picture to draw a hotspot. Drag one to move it, its handles to resize "
        "it; Delete removes it.",
    )
    no_image = ui(
        "لا توجد صورة لهذه الشاشة بعد، أو تعذّرت قراءتها ({path}). الحل: اختر لقطة الشاشة في "
        "الحقل image.",
        "This screen has no screenshot yet, or it cannot be read ({path}). Fix: set its "
        "image field to the screenshot.",
    )
    hotspot = ui("نقطة اللمس {n}", "Hotspot {n}")
    loading = ui("جارٍ قراءة لقطة الشاشة…", "Reading the screenshot…")
    none_selected = ui(
        "اختر نقطة لمس على الصورة لتعديل وجهتها وتلميحها.",
        "Select a hotspot on the picture to edit its target and hint.",
    )
    target = ui("تنقل إلى", "Goes to")
    end = ui("نهاية العرض", "End of the demo")
    end_short = ui("النهاية", "end")
    unknown_target = ui("{id} (لا توجد شاشة بهذا المعرّف)", "{id} (no screen has this id)")
    delete_hotspot = ui("حذف نقطة اللمس", "Delete the hotspot")
    items = ui("عناصر النموذج", "Form items")
    add_item = ui("إضافة عنصر", "Add an item")
    remove_item = ui("حذف", "Remove")
    move_up = ui("تحريك لأعلى", "Move up")
    move_down = ui("تحريك لأسفل", "Move down")
    keyboard = ui("لوحة المفاتيح", "Keyboard")
    no_item = ui(
        "اختر عنصرًا لتعديل نصوصه، أو أضف واحدًا.",
        "Select an item to edit its texts, or add one.",
    )
    add_form_screen = ui("إضافة شاشة نموذج", "Add a form screen")


ITEM_TYPES: dict[str, Label] = {
    "header": ui("عنوان", "Header"),
    "paragraph": ui("فقرة", "Paragraph"),
    "field": ui("حقل إدخال", "Field"),
    "choice": ui("اختيار", "Choice"),
    "button": ui("زر", "Button"),
    "list": ui("قائمة", "List"),
}
INPUTS: dict[str, Label] = {
    "text": ui("نص", "Text"),
    "number": ui("أرقام", "Number"),
    "date": ui("تاريخ", "Date"),
    "email": ui("بريد إلكتروني", "Email"),
    "phone": ui("هاتف", "Phone"),
}
