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

    PageHeader {
        id: header
        anchors { top: parent.top; left: parent.left; right: parent.right }
        controller: page.controller
        accent: page.entity.accent || Theme.primary
        backLabel: Theme.ui("الرئيسية", "Home")
        backName: "homeButton"
        logo: page.entity.logo || ""
        title: Theme.tr(page.entity.name)
        titleName: "entityTitle"
        onBack: page.controller.home()
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
            Heading {
                width: parent.width
                text: Theme.ui("جرّب خدمة", "Try a service")
                font.pixelSize: Theme.lead
            }
            Body {
                width: parent.width
                visible: page.controller.demos.rowCount() === 0
                text: Theme.ui("لا توجد عروض توضيحية لهذه الجهة.", "This entity has no service demos.")
                color: Theme.muted
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
                        Heading {
                            width: parent.width
                            text: Theme.tr(card.title)
                            font.pixelSize: Theme.cardTitle
                        }
                        Caption {
                            width: parent.width
                            text: Theme.tr(card.summary)
                            lineHeight: Theme.lineHeight * 0.85
                            maximumLineCount: 3
                            elide: Text.ElideRight
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
