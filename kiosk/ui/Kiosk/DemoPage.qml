import QtQuick
import KioskBackend

// A service demo: step k of n, the instruction, then the screen itself —
// a screenshot with invisible hotspots, or a form built live.
Rectangle {
    id: page
    objectName: "demoPage"
    required property Controller controller
    readonly property var screen: controller.screen
    readonly property var demo: controller.demo
    readonly property color accent: controller.entity.accent || Theme.primary
    color: Theme.surface

    PageHeader {
        id: header
        anchors { top: parent.top; left: parent.left; right: parent.right }
        controller: page.controller
        tuck: instruction.tucked   // while typing on a short screen: the buttons only
        accent: page.accent
        backLabel: Theme.ui("إنهاء العرض", "Leave the demo")
        backName: "exitDemo"
        title: Theme.tr(page.demo.title)
        titleName: "demoTitle"
        onBack: page.controller.exitDemo()
        below: Row {
            spacing: Theme.px(16)
            Caption {
                objectName: "stepLabel"
                text: Theme.ui("الخطوة " + page.controller.step + " من " + page.demo.stepCount,
                               "Step " + page.controller.step + " of " + page.demo.stepCount)
                wrapMode: Text.NoWrap
                anchors.verticalCenter: parent.verticalCenter
            }
            Repeater {
                model: page.demo.stepCount || 0
                delegate: Rectangle {
                    required property int index
                    anchors.verticalCenter: parent.verticalCenter
                    width: Theme.px(36); height: Theme.px(10); radius: height / 2
                    color: index < page.controller.step ? page.accent : Theme.line
                }
            }
        }
        trailing: KButton {
            objectName: "restartDemo"
            label: Theme.ui("من البداية", "Start again")
            outlined: true
            fill: page.accent
            onClicked: page.controller.restartDemo()
        }
    }

    Heading {
        id: instruction
        objectName: "instruction"
        anchors { top: header.bottom; left: parent.left; right: parent.right
                  topMargin: Theme.px(28); leftMargin: Theme.margin; rightMargin: Theme.margin }
        text: Theme.tr(page.screen.title)
        font.pixelSize: Theme.lead
        horizontalAlignment: Text.AlignHCenter
        // On a short screen the keyboard leaves little room: while typing, the form has it
        // (the header keeps only its buttons, see above).
        readonly property bool tucked: Theme.keyboardInset > 0
            && page.height - Theme.keyboardInset < Theme.typingRoom
        visible: !tucked
        height: tucked ? 0 : implicitHeight
        onHeightChanged: form.reveal()   // the form moved: keep the field in sight
    }

    Item {
        id: stage
        anchors { top: instruction.bottom; left: parent.left; right: parent.right; bottom: parent.bottom
                  topMargin: Theme.px(24); leftMargin: Theme.margin; rightMargin: Theme.margin
                  bottomMargin: Theme.px(40) }

        // --- image screen: a screenshot with invisible hotspots -------------------------
        Item {
            id: shot
            anchors.fill: parent
            visible: page.screen.kind === "image"
            // Screenshots show the real (bilingual) service: never mirrored.
            LayoutMirroring.enabled: false
            LayoutMirroring.childrenInherit: true

            Image {
                id: shotImage
                objectName: "screenImage"
                anchors.fill: parent
                source: page.screen.kind === "image" ? page.screen.image : ""
                // Upright as the author sees it (EXIF orientation): hotspots are fractions of
                // the upright picture, and painted* below are the upright picture's. Decoded
                // into a square: Qt applies sourceSize before turning it (see Picture.qml).
                autoTransform: true
                sourceSize.width: Math.max(width, height)
                sourceSize.height: Math.max(width, height)
                fillMode: Image.PreserveAspectFit
                asynchronous: true
                readonly property real pw: paintedWidth
                readonly property real ph: paintedHeight
                readonly property real px0: (width - paintedWidth) / 2
                readonly property real py0: (height - paintedHeight) / 2

                TapHandler {
                    gesturePolicy: TapHandler.ReleaseWithinBounds
                    onTapped: (point) => {
                        const x = (point.position.x - shotImage.px0) / shotImage.pw
                        const y = (point.position.y - shotImage.py0) / shotImage.ph
                        // a miss shows the hint (the session decides, and hides it again)
                        if (x >= 0 && x <= 1 && y >= 0 && y <= 1) page.controller.tapImage(x, y)
                        else page.controller.showHint()
                    }
                }

                Repeater {
                    model: page.screen.kind === "image" ? page.screen.hotspots : []
                    delegate: Rectangle {
                        id: spot
                        required property var modelData
                        required property int index
                        objectName: "hotspot-" + index
                        x: shotImage.px0 + modelData.x * shotImage.pw
                        y: shotImage.py0 + modelData.y * shotImage.ph
                        width: modelData.w * shotImage.pw
                        height: modelData.h * shotImage.ph
                        radius: Theme.px(12)
                        color: "transparent"
                        border.color: page.accent
                        border.width: Theme.px(6)
                        opacity: 0
                        SequentialAnimation {
                            id: pulse
                            loops: 2
                            NumberAnimation { target: spot; property: "opacity"; to: 1; duration: Theme.spotIn; easing.type: Easing.OutQuad }
                            NumberAnimation { target: spot; property: "opacity"; to: 0; duration: Theme.spotOut; easing.type: Easing.InQuad }
                        }
                        Connections {
                            target: hint
                            function onPulse() { pulse.restart() }
                        }
                    }
                }
            }

            // The hint: a gentle pulse on the right spot and a sentence; never a punishment.
            Rectangle {
                id: hint
                objectName: "hint"
                signal pulse()
                visible: page.controller.hintVisible && page.screen.kind === "image"
                onVisibleChanged: if (visible) pulse()
                anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom }
                width: Math.min(parent.width, hintText.implicitWidth + Theme.px(64))
                height: hintText.implicitHeight + Theme.px(32)
                radius: height / 2
                color: Theme.scrim
                LayoutMirroring.enabled: Theme.rtl
                Body {
                    id: hintText
                    anchors.centerIn: parent
                    width: Math.min(implicitWidth, shot.width - Theme.px(64))
                    text: page.screen.kind === "image" && page.screen.hotspots.length > 0
                          ? Theme.tr(page.screen.hotspots[0].hint) : ""
                    color: Theme.onImage
                    horizontalAlignment: Text.AlignHCenter
                }
            }
            // The session shows the hint after a miss, and after 8 s without a tap, for 4 s.
        }

        // --- form screen: built live from the vocabulary ----------------------------------
        Flickable {
            id: form
            objectName: "formScreen"
            visible: page.screen.kind === "form"
            anchors.horizontalCenter: parent.horizontalCenter
            width: Math.min(parent.width, Theme.px(1200))
            height: parent.height
            contentHeight: formCard.height
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            // Room to scroll the last field above the keyboard, and keep the focused
            // field in sight whenever the keyboard opens or focus moves.
            bottomMargin: Theme.keyboardInset
            onBottomMarginChanged: reveal()
            onContentHeightChanged: reveal()   // a form still being laid out when focus arrived
            function reveal() {
                const item = page.Window.activeFocusItem
                if (!item || Theme.keyboardInset <= 0 || !visible)
                    return
                const top = item.mapToItem(form.contentItem, 0, 0).y
                const formTop = form.mapToItem(null, 0, 0).y
                const shown = page.Window.height - Theme.keyboardInset - formTop
                const maxY = Math.max(0, contentHeight + bottomMargin - height)
                // in sight, with a little air above the keyboard
                if (top < contentY || top + item.height + Theme.gap > contentY + shown)
                    contentY = Math.min(maxY, Math.max(0, top - shown / 3))
            }
            Connections {
                target: page.Window
                function onActiveFocusItemChanged() { form.reveal() }
            }
            Rectangle {
                id: formCard
                width: form.width
                height: formColumn.implicitHeight + Theme.px(96)
                radius: Theme.radius
                color: Theme.background
                border.color: Theme.line
                border.width: Theme.px(2)
                Column {
                    id: formColumn
                    anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.px(48) }
                    spacing: Theme.px(20)
                    Repeater {
                        model: page.screen.kind === "form" ? page.screen.items : []
                        delegate: FormItemView {
                            required property var modelData
                            required property int index
                            width: formColumn.width
                            item: modelData
                            itemIndex: index
                            accent: page.accent
                            controller: page.controller
                        }
                    }
                }
            }
        }
    }
}
