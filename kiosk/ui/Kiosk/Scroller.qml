import QtQuick

// Text that always fits (UI.md, "Screen shapes"): a box for text that may be too long.
// The page gives it the content's height at full size (`natural`); when that is more than
// the box, `compact` is true and the content steps down one type size. If it still does not
// fit, it scrolls: a bar along the reading edge and a fade with a "more" mark at the foot
// say so, and with `autoScroll` it glides down by itself, slowly, until a visitor touches it.
// It never clips a line: what is out of sight is one swipe away.
Flickable {
    id: box
    property real natural
    property real room: height             // the most the box may be (when it grows with its text)
    readonly property bool compact: natural > room + 0.5
    readonly property bool scrolls: contentHeight > height + 0.5
    property bool autoScroll: false
    property real autoSeconds: 10          // the glide from top to bottom
    property color fade: Theme.background  // the colour the foot fades into

    contentWidth: width
    clip: true
    interactive: scrolls
    boundsBehavior: Flickable.StopAtBounds
    flickableDirection: Flickable.VerticalFlick
    onScrollsChanged: if (!scrolls) contentY = 0

    // glides after a pause, and stops for good once a visitor moves it
    property bool touched: false
    onMovementStarted: touched = true
    SequentialAnimation on contentY {
        running: box.autoScroll && box.scrolls && !box.touched && box.visible
        PauseAnimation { duration: Theme.scrollHold }
        NumberAnimation {
            to: Math.max(0, box.contentHeight - box.height)
            duration: Math.max(1, box.autoSeconds * 1000 - 2 * Theme.scrollHold)
            easing.type: Easing.InOutSine
        }
    }

    Rectangle {
        objectName: "scrollBar"
        parent: box
        visible: box.scrolls
        anchors.right: parent.right
        y: box.visibleArea.yPosition * box.height
        width: Theme.scrollBar
        height: Math.max(Theme.touch / 2, box.visibleArea.heightRatio * box.height)
        radius: width / 2
        color: Theme.muted
        opacity: 0.7
    }
    Rectangle {
        objectName: "scrollMore"
        readonly property bool affordance: true   // drawn over the text's foot on purpose
        parent: box
        visible: box.scrolls && !box.atYEnd
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom
                  rightMargin: Theme.scrollBar * 2 }
        height: Theme.scrollFade
        gradient: Gradient {
            GradientStop { position: 0; color: Qt.rgba(box.fade.r, box.fade.g, box.fade.b, 0) }
            GradientStop { position: 1; color: box.fade }
        }
        Text {
            textFormat: Text.PlainText
            anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom }
            text: "⌄"
            font.family: Theme.latinFamily
            font.pixelSize: Theme.lead
            font.bold: true
            color: Theme.muted
        }
    }
}
