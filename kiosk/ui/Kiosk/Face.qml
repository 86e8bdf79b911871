import QtQuick

// A rating face drawn with shapes (no emoji font needed): mood -1, 0 or 1.
Rectangle {
    id: face
    property int mood: 0
    property color tint: Theme.primary
    property bool selected: false
    signal clicked()
    width: Theme.px(150)
    height: width
    radius: width / 2
    color: selected ? tint : (tap.pressed ? Qt.darker(Theme.surface, 1.1) : Theme.surface)
    border.color: tint
    border.width: Theme.px(4)
    scale: tap.pressed ? 0.95 : 1
    readonly property color ink: selected ? Theme.onImage : tint

    Repeater {
        model: 2
        delegate: Rectangle {
            required property int index
            x: face.width * (index === 0 ? 0.32 : 0.6)
            y: face.height * 0.33
            width: face.width * 0.09; height: width; radius: width / 2
            color: face.ink
        }
    }
    Canvas {
        id: mouth
        anchors.fill: parent
        property color ink: face.ink
        onInkChanged: requestPaint()
        onPaint: {
            const ctx = getContext("2d")
            ctx.reset()
            ctx.strokeStyle = ink
            ctx.lineWidth = face.width * 0.06
            ctx.lineCap = "round"
            const w = width, h = height
            ctx.beginPath()
            ctx.moveTo(w * 0.3, h * 0.66)
            ctx.quadraticCurveTo(w * 0.5, h * (0.66 + 0.14 * face.mood), w * 0.7, h * 0.66)
            ctx.stroke()
        }
    }
    TapHandler { id: tap; onTapped: face.clicked() }
}
