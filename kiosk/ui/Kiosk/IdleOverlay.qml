import QtQuick
import KioskBackend

// "Are you still there?" with a countdown and a "Continue" button; any touch dismisses it
// (the kiosk's input filter takes the press: it wakes the kiosk and hits nothing under it).
// The on-screen keyboard steps down while it is up (Main.qml), so it never covers it.
Rectangle {
    id: overlay
    objectName: "idleOverlay"
    required property Controller controller
    color: Theme.idleScrim
    opacity: controller.idleWarning ? 1 : 0
    visible: opacity > 0
    Behavior on opacity { NumberAnimation { duration: Theme.overlayFade } }

    TapHandler {   // the whole scrim continues, as the filter does
        enabled: overlay.controller.idleWarning
        onTapped: overlay.controller.touch()
    }

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
            Text {
                textFormat: Text.PlainText
                width: parent.width
                text: "هل ما زلت هنا؟"
                font.family: Theme.arabicHeadingFamily
                font.pixelSize: Theme.px(64)
                font.bold: true
                color: Theme.text
                horizontalAlignment: Text.AlignHCenter
            }
            Text {
                textFormat: Text.PlainText
                width: parent.width
                text: "Are you still there?"
                font.family: Theme.latinFamily
                font.pixelSize: Theme.px(56)
                font.bold: true
                color: Theme.text
                horizontalAlignment: Text.AlignHCenter
            }
            Text {
                textFormat: Text.PlainText
                objectName: "countdown"
                width: parent.width
                text: overlay.controller.countdown
                font.family: Theme.latinFamily
                font.pixelSize: Theme.px(120)
                font.bold: true
                color: Theme.primary
                horizontalAlignment: Text.AlignHCenter
            }
            Text {
                textFormat: Text.PlainText
                width: parent.width
                text: "المس الشاشة للمتابعة  ·  Touch the screen to continue"
                font.family: Theme.bodyFamily
                font.pixelSize: Theme.body
                color: Theme.muted
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            KButton {
                objectName: "idleContinue"
                anchors.horizontalCenter: parent.horizontalCenter
                width: Math.min(implicitWidth, parent.width)
                label: Theme.ui("متابعة", "Continue")
                onClicked: overlay.controller.touch()
            }
        }
    }
}
