import QtQuick
import KioskBackend

// A visit ends politely for the schedule: an interrupt (a ceremony) or the closing time comes.
// A countdown in the visitor's language, then the interrupt's loop or the closed screen. It
// cannot be dismissed (the kiosk's input filter takes every touch while it shows); the
// session times it (kiosk.session, [schedule] countdown).
Rectangle {
    id: overlay
    objectName: "endingOverlay"
    required property Controller controller
    readonly property var info: controller.endingFor
    readonly property bool closing: info.kind === "closed"
    readonly property string title: Theme.tr(info.title || {})
    color: Theme.idleScrim
    opacity: controller.ending ? 1 : 0
    visible: opacity > 0
    Behavior on opacity { NumberAnimation { duration: Theme.overlayFade } }

    TapHandler { enabled: overlay.controller.ending }   // nothing under it is reachable

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, Theme.px(1100))
        height: col.implicitHeight + Theme.px(120)
        radius: Theme.radius * 1.5
        color: Theme.background
        Column {
            id: col
            anchors.centerIn: parent
            width: parent.width - Theme.px(120)
            spacing: Theme.px(28)
            Heading {
                objectName: "endingHeading"
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                font.pixelSize: Theme.heading
                text: overlay.closing ? Theme.ui("يُغلق الجناح الآن", "The pavilion is closing")
                      : overlay.title !== "" ? overlay.title
                      : Theme.ui("يبدأ عرض خاص", "A special programme begins")
            }
            Body {
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                text: overlay.closing
                      ? Theme.ui("شكرًا لزيارتك. تعود الشاشة إلى البداية بعد:",
                                 "Thank you for your visit. The screen goes back to the start in:")
                      : Theme.ui("شكرًا لزيارتك. يبدأ العرض على هذه الشاشة بعد:",
                                 "Thank you for your visit. It starts on this screen in:")
            }
            Text {
                textFormat: Text.PlainText
                objectName: "endingCountdown"
                width: parent.width
                text: overlay.controller.endingCountdown
                font.family: Theme.latinFamily
                font.pixelSize: Theme.countdownSize
                font.bold: true
                color: Theme.primary
                horizontalAlignment: Text.AlignHCenter
            }
        }
    }
}
