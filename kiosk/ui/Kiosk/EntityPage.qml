import QtQuick
import KioskBackend

// An entity: header, slide carousel, and its service demos.
Rectangle {
    id: page
    objectName: "entityPage"
    required property Controller controller
    readonly property var entity: controller.entity
    readonly property bool portrait: height > width
    color: Theme.surface

    Rectangle {
        id: header
        anchors { top: parent.top; left: parent.left; right: parent.right }
        height: Theme.px(150)
        color: Theme.background
        Rectangle {
            anchors { bottom: parent.bottom; left: parent.left; right: parent.right }
            height: Theme.px(8)
            color: page.entity.accent || Theme.primary
        }
        KButton {
            id: homeButton
            objectName: "homeButton"
            anchors { left: parent.left; leftMargin: Theme.margin; verticalCenter: parent.verticalCenter }
            label: (Theme.rtl ? "›  " : "‹  ") + Theme.ui("الرئيسية", "Home")
            outlined: true
            onClicked: page.controller.home()
        }
        Image {
            id: logo
            anchors { left: homeButton.right; leftMargin: Theme.px(40); verticalCenter: parent.verticalCenter }
            width: Theme.px(96); height: width
            source: page.entity.logo || ""
            sourceSize.width: width; sourceSize.height: height
            fillMode: Image.PreserveAspectFit
            asynchronous: true
        }
        Text {
            textFormat: Text.PlainText
            anchors { left: logo.right; leftMargin: Theme.px(28); right: langButton.left
                      rightMargin: Theme.px(28); verticalCenter: parent.verticalCenter }
            height: parent.height - Theme.px(24)
            text: Theme.tr(page.entity.name)
            font.family: Theme.headingFamily
            font.pixelSize: Theme.px(44 * Theme.boost)
            // Long names wrap onto two lines and shrink to fit rather than being cut.
            fontSizeMode: Text.Fit
            minimumPixelSize: Theme.px(26)
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            verticalAlignment: Text.AlignVCenter
            font.bold: true
            color: Theme.text
            elide: Text.ElideRight
            horizontalAlignment: Text.AlignLeft
        }
        LanguageButton {
            id: langButton
            anchors { right: parent.right; rightMargin: Theme.margin; verticalCenter: parent.verticalCenter }
            controller: page.controller
            fill: Theme.primary
            ink: Theme.primaryInk
        }
    }

    Item {
        id: body
        anchors { top: header.bottom; left: parent.left; right: parent.right; bottom: parent.bottom
                  margins: Theme.margin * 0.75 }

        SlideView {
            id: slides
            objectName: "slideView"
            controller: page.controller
            accent: page.entity.accent || Theme.primary
            x: 0
            y: 0
            width: page.portrait ? body.width : body.width * 0.64
            height: page.portrait ? Math.min(body.height * 0.58, body.width * 9 / 16 + Theme.px(260)) : body.height
        }

        Column {
            id: demos
            objectName: "demoList"
            x: page.portrait ? 0 : slides.width + Theme.px(40)
            y: page.portrait ? slides.height + Theme.px(36) : 0
            width: page.portrait ? body.width : body.width - slides.width - Theme.px(40)
            spacing: Theme.gap
            Text {
                textFormat: Text.PlainText
                width: parent.width
                text: Theme.ui("جرّب خدمة", "Try a service")
                font.family: Theme.headingFamily
                font.pixelSize: Theme.lead
                font.bold: true
                color: Theme.text
                horizontalAlignment: Text.AlignLeft
            }
            Text {
                textFormat: Text.PlainText
                width: parent.width
                visible: page.controller.demos.rowCount() === 0
                text: Theme.ui("لا توجد عروض توضيحية لهذه الجهة.", "This entity has no service demos.")
                font.family: Theme.bodyFamily
                font.pixelSize: Theme.body
                color: Theme.muted
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignLeft
            }
            Repeater {
                model: page.controller.demos
                delegate: Rectangle {
                    id: card
                    required property string demoId
                    required property var title
                    required property var summary
                    required property int stepCount
                    objectName: "demo-" + demoId
                    width: demos.width
                    height: cardColumn.implicitHeight + Theme.px(56)
                    radius: Theme.radius
                    color: Theme.background
                    border.color: Theme.line
                    border.width: Theme.px(2)
                    Column {
                        id: cardColumn
                        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.px(28) }
                        spacing: Theme.px(14)
                        Text {
                            textFormat: Text.PlainText
                            width: parent.width
                            text: Theme.tr(card.title)
                            font.family: Theme.headingFamily
                            font.pixelSize: Theme.px(34 * Theme.boost)
                            font.bold: true
                            color: Theme.text
                            wrapMode: Text.WordWrap
                            horizontalAlignment: Text.AlignLeft
                        }
                        Text {
                            textFormat: Text.PlainText
                            width: parent.width
                            text: Theme.tr(card.summary)
                            font.family: Theme.bodyFamily
                            font.pixelSize: Theme.caption
                            color: Theme.muted
                            wrapMode: Text.WordWrap
                            lineHeight: Theme.lineHeight * 0.85
                            maximumLineCount: 3
                            elide: Text.ElideRight
                            horizontalAlignment: Text.AlignLeft
                        }
                        KButton {
                            objectName: "startDemo-" + card.demoId
                            anchors.left: parent.left
                            label: Theme.ui("ابدأ العرض التوضيحي", "Start the demo") + "  ·  "
                                   + Theme.ui(card.stepCount + " خطوات", card.stepCount + " steps")
                            fill: page.entity.accent || Theme.primary
                            onClicked: page.controller.openDemo(card.demoId)
                        }
                    }
                }
            }
        }
    }
}
