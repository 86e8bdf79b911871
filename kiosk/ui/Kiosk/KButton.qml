import QtQuick

// A large touch button with an immediate press state.
Rectangle {
    id: button
    property string label
    property color fill: Theme.primary
    property color ink: Theme.primaryInk
    property bool outlined: false
    property int fontSize: Theme.body
    property string family: Theme.bodyFamily
    signal clicked()

    implicitWidth: Math.max(Theme.touch * 2, labelText.implicitWidth + Theme.px(56))
    implicitHeight: Math.max(Theme.touch, labelText.implicitHeight + Theme.px(24))
    radius: Math.min(height / 2, Theme.touch / 2)
    color: outlined ? (tap.pressed ? Qt.darker(Theme.surface, 1.08) : Theme.background)
                    : (tap.pressed ? Qt.darker(fill, 1.25) : fill)
    border.color: outlined ? fill : "transparent"
    border.width: outlined ? Theme.px(3) : 0
    scale: tap.pressed ? 0.97 : 1.0
    Accessible.role: Accessible.Button
    Accessible.name: label

    Text {
        id: labelText
        textFormat: Text.PlainText
        anchors.centerIn: parent
        width: Math.min(implicitWidth, button.width - Theme.px(32))
        text: button.label
        color: button.outlined ? button.fill : button.ink
        font.family: button.family
        font.pixelSize: button.fontSize
        font.bold: true
        // a label wider than the button is given wraps onto a second line, then a third
        wrapMode: Text.Wrap
        maximumLineCount: 3
        elide: Text.ElideRight
        horizontalAlignment: Text.AlignHCenter
    }

    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: button.clicked()
    }
}
