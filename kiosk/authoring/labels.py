"""Names of fields and things in both languages, for the undo menu's labels."""

from __future__ import annotations

from typing import NamedTuple

from .fields import FieldPath

__all__ = ["Label", "field_name", "language_name", "thing_name"]


class Label(NamedTuple):
    """A short text for staff, in Arabic and English (the Studio's two UI languages)."""

    ar: str
    en: str

    def get(self, lang: str) -> str:
        """The text in ``lang`` (``"ar"``; anything else gives English)."""
        return self.ar if lang == "ar" else self.en


_FIELDS: dict[str, Label] = {
    "accent": Label("اللون", "colour"),
    "attract": Label("الظهور في حلقة الجذب", "attract loop"),
    "body": Label("النص", "body"),
    "bullets": Label("النقطة", "bullet"),
    "caption": Label("التعليق", "caption"),
    "default_language": Label("لغة البداية", "first language"),
    "description": Label("الوصف", "description"),
    "duration": Label("المدة", "duration"),
    "hint": Label("التلميح", "hint"),
    "id": Label("المعرّف", "id"),
    "image": Label("الصورة", "picture"),
    "input": Label("نوع الإدخال", "input kind"),
    "kind": Label("النوع", "kind"),
    "label": Label("التسمية", "label"),
    "logo": Label("الشعار", "logo"),
    "name": Label("الاسم", "name"),
    "options": Label("الخيار", "option"),
    "placeholder": Label("النص الإرشادي", "placeholder"),
    "poster": Label("صورة الغلاف", "poster"),
    "rect": Label("مساحة نقطة اللمس", "hotspot area"),
    "service_url": Label("رابط الخدمة", "service address"),
    "subtitle": Label("العنوان الفرعي", "subtitle"),
    "summary": Label("الملخص", "summary"),
    "target": Label("الوجهة", "target"),
    "text": Label("النص", "text"),
    "title": Label("العنوان", "title"),
    "type": Label("النوع", "type"),
    "value": Label("القيمة", "value"),
    "version": Label("الإصدار", "version"),
    "video": Label("الفيديو", "video"),
    # values of bundle.toml (the Studio's editors)
    "closed": Label("خارج ساعات العمل", "closed mode"),
    "dates": Label("التواريخ", "dates"),
    "entities": Label("الجهات المعروضة", "entities shown"),
    "from": Label("وقت البداية", "start time"),
    "slides": Label("الشرائح", "slides"),
    "to": Label("وقت النهاية", "end time"),
    "arabic": Label("الخط العربي", "Arabic font"),
    "arabic_heading": Label("خط العناوين العربية", "Arabic heading font"),
    "background": Label("لون الخلفية", "background colour"),
    "countdown": Label("العد التنازلي", "countdown"),
    "latin": Label("الخط اللاتيني", "Latin font"),
    "on_primary": Label("لون النص على اللون الرئيسي", "text colour on the primary colour"),
    "primary": Label("اللون الرئيسي", "primary colour"),
    "slide_seconds": Label("مدة شريحة الجذب", "attract slide time"),
    "surface": Label("لون البطاقات", "card colour"),
    "timeout": Label("مهلة الخمول", "idle time"),
    "video_timeout": Label("مهلة الخمول أثناء الفيديو", "idle time during a video"),
}

_THINGS: dict[str, Label] = {
    "bullets": Label("نقطة", "a bullet"),
    "demos": Label("عرض خدمة", "a demo"),
    "entities": Label("جهة", "an entity"),
    "hotspots": Label("نقطة لمس", "a hotspot"),
    "items": Label("عنصر نموذج", "a form item"),
    "options": Label("خيار", "an option"),
    "rows": Label("سطر", "a row"),
    "screens": Label("شاشة", "a screen"),
    "slides": Label("شريحة", "a slide"),
}

_LANGUAGES: dict[str, Label] = {
    "ar": Label("العربية", "Arabic"),
    "en": Label("الإنجليزية", "English"),
    "fr": Label("الفرنسية", "French"),
}


def field_name(path: FieldPath) -> Label:
    """The name of the field at the end of ``path`` (``slides[2].caption`` → caption)."""
    key = next((p for p in reversed(path) if isinstance(p, str)), "")
    return _FIELDS.get(key, Label(key, key))


def thing_name(list_key: str) -> Label:
    """ "a slide" for ``slides``: what one element of a list is."""
    return _THINGS.get(list_key, Label(list_key, list_key))


def language_name(lang: str) -> Label:
    return _LANGUAGES.get(lang, Label(lang, lang))
