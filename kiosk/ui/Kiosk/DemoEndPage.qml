import QtQuick
import KioskBackend

// The end of a demo: well done, a QR code to the real service, a one-tap rating.
Rectangle {
    id: page
    objectName: "demoEndPage"
    required property Controller controller
    readonly property var demo: controller.demo
    readonly property color accent: controller.entity.accent || Theme.primary
    readonly property bool portrait: height > width
    property int rating: 0
    color: Theme.surface

    Column {
        id: main
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, Theme.px(1500))
        spacing: Theme.px(40)

        Text {
            textFormat: Text.PlainText
            width: parent.width
            text: Theme.ui("أكملت العرض التوضيحي", "You completed the demo")
            font.family: Theme.headingFamily
            font.pixelSize: Theme.display
            font.bold: true
            color: Theme.text
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Text {
            textFormat: Text.PlainText
            width: parent.width
            text: Theme.tr(page.demo.title)
            font.family: Theme.bodyFamily
            font.pixelSize: Theme.lead
            color: Theme.muted
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }

        Grid {
            anchors.horizontalCenter: parent.horizontalCenter
            columns: page.portrait ? 1 : 2
            spacing: Theme.px(64)
            horizontalItemAlignment: Grid.AlignHCenter
            verticalItemAlignment: Grid.AlignVCenter

            Column {
                visible: (page.demo.serviceUrl || "") !== ""
                spacing: Theme.px(16)
                Rectangle {
                    anchors.horizontalCenter: parent.horizontalCenter
                    width: Theme.px(320); height: width
                    color: Theme.onImage
                    radius: Theme.px(12)
                    Image {
                        objectName: "qrCode"
                        anchors.fill: parent
                        anchors.margins: Theme.px(8)
                        source: page.demo.qr || ""
                        sourceSize.width: width
                        sourceSize.height: height
                        smooth: false
                        asynchronous: true
                    }
                }
                Text {
                    textFormat: Text.PlainText
                    width: Theme.px(420)
                    text: Theme.ui("امسح الرمز لاستخدام الخدمة الحقيقية", "Scan to use the real service")
                    font.family: Theme.bodyFamily
                    font.pixelSize: Theme.body
                    color: Theme.text
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                }
                Text {
                    textFormat: Text.PlainText
                    width: Theme.px(420)
                    // URLs keep their left-to-right order inside Arabic text.
                    text: "\u2066" + (page.demo.serviceUrl || "") + "\u2069"
                    font.family: Theme.latinFamily
                    font.pixelSize: Theme.caption
                    color: Theme.muted
                    horizontalAlignment: Text.AlignHCenter
                    elide: Text.ElideMiddle
                }
            }

            Column {
                spacing: Theme.px(24)
                Text {
                    textFormat: Text.PlainText
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: page.rating > 0 ? Theme.ui("شكرًا لك!", "Thank you!")
                                          : Theme.ui("كيف كانت التجربة؟", "How was it?")
                    font.family: Theme.headingFamily
                    font.pixelSize: Theme.lead
                    font.bold: true
                    color: Theme.text
                }
                Row {
                    anchors.horizontalCenter: parent.horizontalCenter
                    spacing: Theme.px(36)
                    layoutDirection: Qt.LeftToRight
                    Repeater {
                        model: [1, 2, 3]
                        delegate: Face {
                            required property int modelData
                            objectName: "rate-" + modelData
                            mood: modelData - 2
                            tint: page.accent
                            selected: page.rating === modelData
                            onClicked: {
                                if (page.rating === 0) page.controller.feedback(modelData)
                                page.rating = modelData
                            }
                        }
                    }
                }
            }
        }

        Row {
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: Theme.px(32)
            KButton {
                objectName: "backToEntity"
                label: Theme.ui("العودة إلى الجهة", "Back to the entity")
                fill: page.accent
                onClicked: page.controller.exitDemo()
            }
            KButton {
                objectName: "restartFromEnd"
                label: Theme.ui("جرّبه مرة أخرى", "Try it again")
                outlined: true
                fill: page.accent
                onClicked: page.controller.restartDemo()
            }
        }
    }
}
