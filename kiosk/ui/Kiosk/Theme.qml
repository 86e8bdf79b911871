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
    // Line height, as a multiple of the body face's own line spacing (Text.lineHeight): at
    // least lineEm font sizes (UI.md: 1.5 or more for Arabic). Noto Naskh's own spacing is
    // already 1.7 em, so a plain 1.5 multiple gave 2.55 em: loose lines, and bullets lost
    // off the foot of a text slide. A bundle's tighter face is opened up to lineEm.
    readonly property real lineEm: rtl ? 1.6 : 1.45
    readonly property FontMetrics bodyMetrics: FontMetrics {
        font.family: bodyFamily
        font.pixelSize: 100
    }
    readonly property real lineHeight: Math.max(1.0, lineEm * 100 / bodyMetrics.height)

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
    readonly property int cardTitle: px(34 * boost)   // a demo card's title

    // --- the page header (PageHeader.qml) ---
    readonly property int headerHeight: px(150)
    readonly property int headerRule: px(8)            // the entity's colour along its foot
    readonly property int headerTitle: px(44 * boost)  // shrinks to headerTitleMin to fit
    readonly property int headerTitleMin: px(26)
    readonly property int headerLogo: px(96)
    readonly property int headerSpacing: px(28)        // between its parts
    readonly property int headerTitleRoom: px(480)     // narrower: the title goes under the buttons
    readonly property int headerBand: px(130)          // the buttons' band, when the title is under it

    readonly property int typingRoom: px(720)   // less above the keyboard: a demo's titles tuck away
    readonly property int tileNarrow: px(640)   // a Home tile this narrow: logo above the name
    readonly property int tileNarrowHeight: px(400)

    // --- text that may be too long (Scroller.qml): one size down, then it scrolls ---
    readonly property int headingCompact: px(44 * boost)
    readonly property int bodyCompact: px(26 * boost)   // never under the 24 px floor
    readonly property int scrollBar: px(8)
    readonly property int scrollFade: px(72)             // the fade at the foot, "more below"
    readonly property real captionMost: 0.4              // a caption's scrim: of the picture

    // --- pictures and videos (Picture.qml, VideoPane.qml): the fit rule ---
    // A picture or video fills its area when that cuts away at most this much of it
    // (a 4:3 photo on a 16:9 slide loses 25 %: it is shown whole); otherwise it is shown
    // whole, over a blurred copy (pictures) or the plain media background (videos).
    readonly property real cropTolerance: 0.15
    function cropsWell(media, area) {
        if (!(media > 0) || !(area > 0))
            return true                      // shape not known yet: fill, as before
        return 1 - Math.min(media / area, area / media) <= cropTolerance
    }
    readonly property int backdropSize: 64              // the blurred copy's decode, px
    readonly property int backdropBlur: 24              // MultiEffect.blurMax on that copy
    readonly property real backdropOverscan: 1.15       // its soft edges fall outside the area
    readonly property color backdropDim: "#8C000000"    // darkens it: the picture stands out

    // --- colours beyond the bundle's (not the bundle's to change) ---
    readonly property color error: "#B00020"            // staff messages that need action
    readonly property color onImage: "#FFFFFF"          // text and icons over pictures and scrims
    readonly property color onImageStrong: "#F2FFFFFF"
    readonly property color onImageSoft: "#E6FFFFFF"
    readonly property color mediaBackground: "#1A1A1A"  // behind a picture or a video
    readonly property color overlayScrim: "#F21F1A1C"   // the staff overlay
    readonly property color idleScrim: "#CC1F1A1C"      // "are you still there?"
    readonly property color pillScrim: "#A6000000"      // the attract loop's caption pill
    // the attract loop's picture scrim, top to bottom: the title and the prompt stay readable
    readonly property color attractScrim0: "#F03D0A1A"
    readonly property color attractScrim1: "#A63D0A1A"
    readonly property color attractScrim2: "#4D000000"
    readonly property color attractScrim3: "#99000000"
    readonly property color attractScrim4: "#F2000000"

    // --- the schedule's screens (ClosedPage, InterruptPage, EndingOverlay) ---
    readonly property color displayOff: "#000000"       // closed, display-off: nothing lit
    readonly property int closedSpacing: px(36)
    readonly property int closedHeading: px(84)          // Arabic: a step above the Latin
    readonly property int closedHeadingLatin: px(68)
    readonly property int countdownSize: px(120)         // the countdowns' big number

    // --- durations (ms) ---
    // Every transition is scaled by motion: 0 makes them instant, for the layout checker
    // (kiosk/qt/tour.py), which then looks at each state as soon as it is drawn. The attract
    // loop's slow, endless movements are not transitions and keep their pace.
    property real motion: 1.0
    readonly property int fade: 300 * motion            // a page change
    readonly property int crossfade: 1200      // one attract highlight into the next
    readonly property int breathe: 1600        // the "touch to start" prompt, each way
    readonly property int spotIn: 350 * motion          // a hotspot's pulse, in and out
    readonly property int spotOut: 450 * motion
    readonly property int overlayFade: 250 * motion     // the idle overlay; the keyboard sliding in
    readonly property int dotGrow: 200 * motion         // the current slide's page dot
    readonly property int langDipOut: 90 * motion       // the dip when the language changes
    readonly property int langDipIn: 240 * motion
    readonly property int bundleOut: 200 * motion       // a new bundle's crossfade
    readonly property int bundleIn: 400 * motion
    readonly property int slideMove: 350 * motion  // the carousel, one slide to the next
    readonly property int scrollHold: 2000     // a long text waits, then glides down
}
