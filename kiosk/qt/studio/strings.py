"""The Studio's UI strings in Arabic and English (no Qt Linguist: each string is a pair)."""

from __future__ import annotations

from typing import ClassVar

from ...authoring.labels import Label

__all__ = ["DRAW", "ED", "INPUTS", "ITEM_TYPES", "UI", "ImportUI", "Label", "ui"]


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


class ED:
    """The value editors (fields.py) and the outline's add, duplicate, delete and move."""

    settings = ui("الإعدادات", "Settings")
    names: ClassVar[dict[str, Label]] = {
        "theme.text": ui("لون النص", "text colour"),
        "attract.slide_seconds": ui("مدة كل شريحة في حلقة الجذب", "each attract slide"),
        "idle.timeout": ui("مهلة الخمول", "idle time"),
        "idle.video_timeout": ui("مهلة الخمول أثناء الفيديو", "idle time during a video"),
        "idle.countdown": ui("العد التنازلي قبل البدء من جديد", "countdown before the reset"),
        "default_language": ui("لغة البداية", "first language"),
        "accent": ui("لون الجهة", "entity colour"),
        "duration": ui("المدة قبل الشريحة التالية", "time before the next slide"),
    }
    bool_text: ClassVar[dict[str, Label]] = {
        "attract": ui("تظهر في حلقة الجذب", "Show in the attract loop"),
    }
    fixed_id = ui(
        "اسم مجلد الجهة؛ يُحدَّد عند إنشائها.",
        "The name of the entity's folder; it is set when the entity is made.",
    )
    choose_colour = ui("اختيار لون…", "Choose colour…")
    white_text = ui("النص الأبيض عليه", "the white text on it")
    seconds = ui(" ث", " s")
    choose_file = ui("اختيار…", "Choose…")
    no_file = ui("لا يوجد ملف", "no file")

    @staticmethod
    def not_colour(text: str, where: str) -> Label:
        return ui(
            f"{where}: ‏«{text}» ليس لونًا. الحل: اكتبه بالشكل ‎#RRGGBB‏، مثل ‎#8A1538.",
            f"{where}: '{text}' is not a colour. Fix: write it as #RRGGBB, e.g. #8A1538.",
        )

    @staticmethod
    def contrast(ratio: float, least: float, what: str, theirs: str, low: bool) -> Label:
        if low:
            return ui(
                f"التباين مع {what} ‎({theirs})‏: ‎{ratio:.2f}:1‏، أقل من ‎{least}:1‏: قد لا "
                "يُقرأ النص. الحل: اختر لونًا أغمق أو أفتح.",
                f"Contrast with {what} ({theirs}): {ratio:.2f}:1, under {least}:1: the text "
                "may not be readable. Fix: choose a darker or lighter colour.",
            )
        return ui(
            f"التباين مع {what} ‎({theirs})‏: ‎{ratio:.2f}:1‏ (‏‎{least}:1‏ على الأقل).",
            f"Contrast with {what} ({theirs}): {ratio:.2f}:1 (at least {least}:1).",
        )

    @staticmethod
    def range(lo: float, hi: float, default: float) -> Label:
        return ui(
            f"من {lo:g} إلى {hi:g} ثانية (بدونها: {default:g})",
            f"{lo:g} to {hi:g} seconds (when not set: {default:g})",
        )

    @staticmethod
    def not_choice(choices: tuple[str, ...]) -> Label:
        listed = ", ".join(choices)
        return ui(
            f"قيمة غير معروفة. الحل: اختر إحدى القيم: {listed}.",
            f"Not a known value. Fix: choose one of {listed}.",
        )

    @staticmethod
    def choose_title(name: str) -> Label:
        return ui(f"اختيار {name}", f"Choose the {name}")

    @staticmethod
    def missing_file(text: str) -> Label:
        return ui(
            f"‏«{text}» غير موجود في مجلد الجهة. الحل: اختر ملفًا موجودًا.",
            f"'{text}' is not in the entity's folder. Fix: choose a file that is there.",
        )

    # the outline's actions
    add = ui("إضافة", "Add")
    add_menu = ui("إضافة", "&Add")
    duplicate = ui("تكرار", "Duplicate")
    delete = ui("حذف", "Delete")
    move_up = ui("نقل إلى الأعلى", "Move up")
    move_down = ui("نقل إلى الأسفل", "Move down")
    entity = ui("جهة", "An entity")
    text_slide = ui("شريحة نص", "A text slide")
    image_slide = ui("شريحة صورة", "A picture slide")
    video_slide = ui("شريحة فيديو", "A video slide")
    demo = ui("عرض خدمة", "A demo")
    form_screen = ui("شاشة نموذج", "A form screen")
    image_screen = ui("شاشة صورة", "A picture screen")
    hotspot = ui("نقطة لمس", "A hotspot")
    items: ClassVar[dict[str, Label]] = {
        "header": ui("عنوان", "A heading"),
        "paragraph": ui("فقرة", "A paragraph"),
        "field": ui("حقل إدخال", "An input field"),
        "choice": ui("اختيار", "A choice"),
        "button": ui("زر", "A button"),
        "list": ui("قائمة", "A list"),
    }
    delete_title = ui("حذف الجهة؟", "Delete the entity?")
    cannot_edit = ui("تعذّر التعديل", "Cannot change the outline")

    @staticmethod
    def delete_text(name: str, eid: str) -> Label:
        return ui(
            f"ستُحذف «{name}» ({eid}) مع شرائحها وعروضها. يمكنك التراجع عن ذلك (Ctrl+Z)؛ "
            f"بعد الحفظ يُنقل مجلدها إلى ‎.studio-trash/‏.",
            f"“{name}” ({eid}) will be deleted with its slides and demos. You can undo it "
            f"(Ctrl+Z); saving moves its folder into .studio-trash/.",
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


class ImportUI:
    """Bring content in and get it signed off (issue 15: decks, slide sheets, translations,
    the sign-off proof; kiosk/qt/studio/imports.py): kept together."""

    import_deck = ui(
        "استيراد عرض شرائح (PDF، PowerPoint)…", "Import a slide deck (PDF, PowerPoint)…"
    )
    deck_title = ui(
        "اختر عرض الشرائح (PDF أو PPTX أو PPT أو ODP أو KEY)",
        "Choose the slide deck (PDF, PPTX, PPT, ODP or KEY)",
    )
    import_sheet = ui("استيراد شرائح من جدول بيانات…", "Import slides from a spreadsheet…")
    sheet_title = ui("اختر جدول الشرائح (XLSX أو CSV)", "Choose the slide sheet (XLSX or CSV)")
    export_texts = ui("تصدير النصوص للمترجمين…", "Export texts for translators…")
    export_title = ui(
        "احفظ جدول النصوص (XLSX أو CSV) للمترجمين",
        "Save the texts sheet (XLSX or CSV) for translators",
    )
    import_texts = ui("استيراد النصوص المترجمة…", "Import translated texts…")
    import_texts_title = ui(
        "اختر جدول النصوص المترجمة (الذي صدّره الاستوديو)",
        "Choose the translated texts sheet (the one the Studio exported)",
    )
    proof = ui("إعداد نسخة اعتماد (PDF)…", "Make a sign-off proof (PDF)…")
    proof_title = ui("احفظ نسخة الاعتماد (PDF)", "Save the sign-off proof (PDF)")
    shapes_title = ui("أشكال الشاشة في نسخة الاعتماد", "Screen shapes in the proof")
    both_shapes = ui("أفقية وعمودية", "Landscape and portrait")
    landscape = ui("أفقية فقط (شاشة جدارية 1920×1080)", "Landscape only (wall screen 1920x1080)")
    portrait = ui("عمودية فقط (شاشة قائمة 1080×1920)", "Portrait only (totem 1080x1920)")
    need_entity = ui(
        "اختر جهة (أو إحدى شرائحها) في المخطط أولًا: تُضاف الشرائح المستوردة إليها.",
        "Choose an entity (or one of its slides) in the outline first: the imported slides "
        "go there.",
    )
    replace_title = ui("استيراد العرض مرة أخرى؟", "Import the deck again?")
    replace_text = ui(
        "في {entity} شرائح من {name} من استيراد سابق. هل تُحدَّث في مكانها (الصور، والتعليقات "
        "التي لم يغيّرها أحد)؟",
        "{entity} already has slides from {name}. Update them in place (pictures, and captions "
        "nobody has changed)?",
    )
    importing = ui("جارٍ استيراد {name}: {i} من {n}…", "Importing {name}: {i} of {n}…")
    exporting = ui("جارٍ تصدير النصوص…", "Exporting the texts…")
    proofing = ui("نسخة الاعتماد: الصفحة {i} من {n}…", "Sign-off proof: page {i} of {n}…")
    proof_checking = ui("نسخة الاعتماد: جارٍ فحص الحزمة…", "Sign-off proof: checking the bundle…")
    saved_first = ui(
        "حُفظت تعديلاتك أولًا: نسخة الاعتماد تُصنع من الملفات المحفوظة.",
        "Your changes were saved first: the proof is made from the files on disk.",
    )
    cancelled = ui("أُلغي. الحزمة كما كانت.", "Cancelled; the bundle is as it was.")
    deck_done = ui(
        "{name}: أُضيفت {added} شريحة وحُدّثت {updated} من {pages} صفحة.",
        "{name}: {added} slide(s) added, {updated} updated, of {pages} page(s).",
    )
    deck_drafts = ui(
        "{n} من التعليقات مسودات من عناوين الصفحات: ترجمها (ملف ← تصدير النصوص للمترجمين).",
        "{n} caption(s) are drafts from the page titles: translate them (File → Export texts "
        "for translators).",
    )
    pages_failed_title = ui("تعذّر استيراد بعض الصفحات", "Some pages could not be imported")
    pages_failed = ui(
        "الصفحات {pages} من {name} لم تُقرأ؛ واستُوردت الصفحات الأخرى. "
        "الحل: صدّر العرض PDF مرة أخرى، أو استورد تلك الصفحة صورةً.",
        "Page(s) {pages} of {name} could not be rendered; the other pages were imported. "
        "Fix: export the deck as PDF again, or import that page as a picture.",
    )
    cannot_import = ui("تعذّر الاستيراد", "Cannot import")
    sheet_problems = ui(
        "لم يتغيّر شيء: صحّح المشكلات الآتية ({n}) في الجدول ثم استورده مرة أخرى.",
        "Nothing was changed: fix these {n} problem(s) in the sheet, then import it again.",
    )
    sheet_done = ui(
        "{name}: أُضيفت {added} شريحة وحُدّثت {updated}، ونُسخ {copied} ملف.",
        "{name}: {added} slide(s) added, {updated} updated, {copied} file(s) copied in.",
    )
    exported_title = ui("صُدّرت النصوص", "Texts exported")
    exported = ui(
        "كُتب {n} نصًا في {out}. أرسله للمترجمين، ثم استورده: ملف ← استيراد النصوص المترجمة.",
        "Wrote {n} texts to {out}. Send it to the translators, then bring it back with "
        "File → Import translated texts.",
    )
    imported_title = ui("استيراد النصوص المترجمة", "Translated texts imported")
    imported = ui(
        "تغيّر {changed} نصًا من {rows} صفًا، ورُفض {refused}.",
        "{changed} text(s) changed from {rows} row(s); {refused} refused.",
    )
    changed_heading = ui("ما تغيّر:", "Changed:")
    refused_heading = ui("ما رُفض (وسبب رفضه):", "Refused (and why):")
    more = ui("… و{n} غيرها", "… and {n} more")
    edited_meanwhile = ui(
        "عُدّلت الحزمة أثناء الاستيراد، فلم يُضَف شيء. الحل: استورد مرة أخرى وانتظر حتى ينتهي.",
        "The bundle was edited while the import ran, so nothing was added. Fix: import again "
        "and wait for it to finish.",
    )
    proof_done_title = ui("نسخة الاعتماد جاهزة", "Sign-off proof ready")
    proof_done = ui(
        "كُتبت نسخة الاعتماد في {out} ({pages} صفحة). أرسلها للجهة لاعتمادها.",
        "Wrote the sign-off proof to {out} ({pages} pages). Send it to the ministry to sign off.",
    )
    no_proof = ui("لم تُكتب نسخة الاعتماد", "No proof was written")
    proof_errors = ui(
        "لوحة المشكلات فيها {n} من الأخطاء. الحل: صحّح كل خطأ (انقر مرتين للانتقال إليه) ثم "
        "أعد إعداد نسخة الاعتماد.",
        "The Problems panel lists {n} error(s). Fix: correct each one (double-click it to go "
        "there), then make the proof again.",
    )
    proof_failed = ui(
        "تعذّر على المُصيِّر إكمالها: {why}. الحل: أعد المحاولة؛ وإن تكرر، شغّل "
        "\u2066kiosk bundle proof\u2069 لترى التفاصيل.",
        "The renderer could not finish it: {why}. Fix: try again; if it happens again, run "
        "kiosk bundle proof to see the details.",
    )
    name_pdf = ui(
        "{out}: ليس ملف ‎.pdf. الحل: اختر اسمًا ينتهي بـ ‎.pdf.",
        "{out}: not a .pdf file. Fix: choose a name that ends in .pdf.",
    )
    name_sheet = ui(
        "{out}: ليس ملف ‎.xlsx أو ‎.csv. الحل: اختر اسمًا ينتهي بأحدهما.",
        "{out}: not a .xlsx or .csv file. Fix: choose a name that ends in one of them.",
    )
    import_step = ui("استيراد {name}", "Import {name}")
    cancel_label = ui("إلغاء", "Cancel")
    page_label = ui("الصفحة", "Page")
