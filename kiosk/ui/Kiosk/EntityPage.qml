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

        // Landscape: the slides on the left, the demos beside them. Portrait (a totem): the
        // slides full width on top, the demos below, where a standing visitor's hand is; the
        // slides take what the demos leave, between half and two thirds of the page.
        readonly property real demosNatural: demos.implicitHeight
        SlideView {
            id: slides
            objectName: "slideView"
            controller: page.controller
            accent: page.entity.accent || Theme.primary
            x: 0
            y: 0
            width: page.portrait ? body.width : body.width * 0.64
            height: page.portrait
                    ? Math.max(body.height * 0.5,
                               Math.min(body.height * 0.66, body.height - body.demosNatural - Theme.px(36)))
                    : body.height
        }

        Scroller {
            id: demoScroll
            objectName: "demoScroll"
            x: page.portrait ? 0 : slides.width + Theme.px(40)
            y: page.portrait ? slides.height + Theme.px(36) : 0
            width: page.portrait ? body.width : body.width - slides.width - Theme.px(40)
            height: body.height - y
            contentHeight: demos.implicitHeight
            fade: Theme.surface

            Column {
                id: demos
                objectName: "demoList"
                x: Theme.rtl ? Theme.scrollBar * 3 : 0   // clear of the scroll bar
                width: demoScroll.width - Theme.scrollBar * 3
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
                        required property var stepWords   // the count with its noun: "خطوتان"
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
                            }
                            Caption {
                                objectName: "demoSteps-" + card.demoId
                                width: parent.width
                                text: Theme.tr(card.stepWords)
                                font.bold: true
                            }
                            KButton {
                                objectName: "startDemo-" + card.demoId
                                anchors.left: parent.left
                                width: Math.min(implicitWidth, parent.width)
                                label: Theme.ui("ابدأ العرض التوضيحي", "Start the demo")
                                fill: page.entity.accent || Theme.primary
                                onClicked: page.controller.openDemo(card.demoId)
                            }
                        }
                    }
                }
            }
        }
    }
}
