pragma Singleton
import QtQuick

// Colours, type scale, spacing and the current language, for every page.
// Sizes are designed at 1080 px on the screen's short side and scale with it.
QtObject {
    property string language: "ar"
    readonly property bool rtl: language === "ar"
    property real scale: 1.0
    // How much of the window's bottom the on-screen keyboard covers (0 when hidden).
    property real keyboardInset: 0

    // brand (overridden from the bundle's [theme])
    property color primary: "#8A1538"
    property color primaryInk: "#FFFFFF"
    property color background: "#FFFFFF"
    property color surface: "#F6F1EE"
    property color text: "#1F1A1C"
    readonly property color muted: "#5C5457"      // 7:1 on white
    readonly property color line: "#E4DCD8"
    readonly property color scrim: "#B3000000"

    property string arabicFamily: "Noto Naskh Arabic"
    property string arabicHeadingFamily: "Noto Kufi Arabic"
    property string latinFamily: "Noto Sans"
    readonly property string bodyFamily: rtl ? arabicFamily : latinFamily
    readonly property string headingFamily: rtl ? arabicHeadingFamily : latinFamily

    // Arabic reads smaller than Latin at the same pixel size.
    readonly property real boost: rtl ? 1.12 : 1.0
    readonly property real lineHeight: rtl ? 1.5 : 1.3

    function px(v) { return Math.round(v * scale) }
    function tr(t) {
        if (!t)
            return ""
        const v = t[language]
        return v === undefined ? "" : v
    }
    // A UI string of our own: {ar, en}.
    function ui(ar, en) { return rtl ? ar : en }

    readonly property int touch: px(84)          // minimum target: 72 px at 1080p
    readonly property int gap: px(24)
    readonly property int margin: px(64)
    readonly property int radius: px(20)

    readonly property int caption: px(24 * boost)
    readonly property int body: px(30 * boost)
    readonly property int lead: px(36 * boost)
    readonly property int heading: px(52 * boost)
    readonly property int display: px(72 * boost)

    readonly property int fade: 300
}
