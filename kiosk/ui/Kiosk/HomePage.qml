import QtQuick
import KioskBackend

// Home: one large tile per entity, in bundle order.
Rectangle {
    id: page
    objectName: "homePage"
    required property Controller controller
    color: Theme.surface
    readonly property bool portrait: height > width

    Rectangle {
        id: header
        anchors { top: parent.top; left: parent.left; right: parent.right }
        height: Theme.px(200)
        color: Theme.primary
        Column {
            anchors { verticalCenter: parent.verticalCenter; left: parent.left; right: parent.right
                      leftMargin: Theme.margin; rightMargin: Theme.margin + Theme.px(260) }
            spacing: Theme.px(4)
            Text {
                textFormat: Text.PlainText
                width: parent.width
                text: Theme.tr(page.controller.title)
                font.family: Theme.headingFamily
                font.pixelSize: Theme.heading
                font.bold: true
                color: Theme.primaryInk
                elide: Text.ElideRight
                horizontalAlignment: Text.AlignLeft
            }
            Text {
                textFormat: Text.PlainText
                width: parent.width
                text: Theme.ui("اختر جهة لاستكشاف خدماتها الإلكترونية", "Choose an entity to explore its e-services")
                font.family: Theme.bodyFamily
                font.pixelSize: Theme.body
                color: Theme.primaryInk
                elide: Text.ElideRight
                horizontalAlignment: Text.AlignLeft
            }
        }
        LanguageButton {
            anchors { verticalCenter: parent.verticalCenter; right: parent.right; rightMargin: Theme.margin }
            controller: page.controller
        }
    }

    GridView {
        id: grid
        objectName: "entityGrid"
        anchors { top: header.bottom; left: parent.left; right: parent.right; bottom: parent.bottom
                  margins: Theme.margin - Theme.gap / 2 }
        readonly property int columns: page.portrait ? 2 : 3
        readonly property int rows: Math.ceil(count / columns)
        cellWidth: Math.floor(width / columns)
        cellHeight: Math.max(Theme.px(300), Math.floor(height / Math.max(1, rows)))
        interactive: contentHeight > height
        boundsBehavior: Flickable.StopAtBounds
        model: page.controller.entities
        delegate: Item {
            id: cell
            required property string entityId
            required property var name
            required property var description
            required property string accent
            required property string logo
            required property int slideCount
            required property int demoCount
            width: grid.cellWidth
            height: grid.cellHeight

            Rectangle {
                id: tile
                objectName: "tile-" + cell.entityId
                anchors.fill: parent
                anchors.margins: Theme.gap / 2
                radius: Theme.radius
                color: tileTap.pressed ? Qt.darker(Theme.background, 1.06) : Theme.background
                border.color: Theme.line
                border.width: Theme.px(2)
                scale: tileTap.pressed ? 0.98 : 1
                clip: true

                Rectangle {
                    anchors { top: parent.top; left: parent.left; right: parent.right }
                    height: Theme.px(14)
                    color: cell.accent
                }
                Rectangle {
                    id: logoBox
                    anchors { left: parent.left; leftMargin: Theme.px(36); verticalCenter: parent.verticalCenter }
                    width: Math.min(Theme.px(140), parent.height - Theme.px(80))
                    height: width
                    radius: width / 2
                    color: Theme.onImage
                    border.color: Theme.line
                    border.width: Theme.px(2)
                    Image {
                        anchors.fill: parent
                        anchors.margins: parent.width * 0.12
                        source: cell.logo
                        sourceSize.width: width
                        sourceSize.height: height
                        fillMode: Image.PreserveAspectFit
                        asynchronous: true
                    }
                }
                Column {
                    anchors { left: logoBox.right; leftMargin: Theme.px(32); right: parent.right
                              rightMargin: Theme.px(32); verticalCenter: parent.verticalCenter }
                    spacing: Theme.px(12)
                    Text {
                        textFormat: Text.PlainText
                        width: parent.width
                        text: Theme.tr(cell.name)
                        font.family: Theme.headingFamily
                        font.pixelSize: Theme.px(32 * Theme.boost)
                        font.bold: true
                        color: Theme.text
                        wrapMode: Text.WordWrap
                        maximumLineCount: 3
                        elide: Text.ElideRight
                        lineHeight: 1.05
                        horizontalAlignment: Text.AlignLeft
                    }
                    Text {
                        textFormat: Text.PlainText
                        width: parent.width
                        text: Theme.tr(cell.description)
                        font.family: Theme.bodyFamily
                        font.pixelSize: Theme.caption
                        color: Theme.muted
                        wrapMode: Text.WordWrap
                        maximumLineCount: 2
                        elide: Text.ElideRight
                        horizontalAlignment: Text.AlignLeft
                    }
                }
                TapHandler {
                    id: tileTap
                    gesturePolicy: TapHandler.ReleaseWithinBounds
                    onTapped: page.controller.openEntity(cell.entityId)
                }
            }
        }
    }
}
