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
        height: Math.max(Theme.px(200), headerText.implicitHeight + Theme.px(24))
        color: Theme.primary
        Column {
            id: headerText
            anchors { verticalCenter: parent.verticalCenter; left: parent.left; right: parent.right
                      leftMargin: Theme.margin; rightMargin: Theme.margin + Theme.px(260) }
            spacing: Theme.px(4)
            Heading {
                width: parent.width
                text: Theme.tr(page.controller.title)
                color: Theme.primaryInk
            }
            Body {
                width: parent.width
                text: Theme.ui("اختر جهة لاستكشاف خدماتها الإلكترونية", "Choose an entity to explore its e-services")
                color: Theme.primaryInk
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
        // a narrow tile stacks its logo over its name, so it needs more height
        readonly property bool narrowCells: cellWidth - Theme.gap < Theme.tileNarrow
        cellHeight: Math.max(narrowCells ? Theme.tileNarrowHeight : Theme.px(300),
                             Math.floor(height / Math.max(1, rows)))
        interactive: contentHeight > height
        boundsBehavior: Flickable.StopAtBounds
        model: page.controller.entities
        // more tiles than the screen holds: a bar says there is more below
        Rectangle {
            objectName: "gridScrollBar"
            parent: grid
            visible: grid.interactive
            anchors.right: parent.right
            anchors.rightMargin: -Theme.scrollBar * 1.5
            y: grid.visibleArea.yPosition * grid.height
            width: Theme.scrollBar
            height: Math.max(Theme.touch / 2, grid.visibleArea.heightRatio * grid.height)
            radius: width / 2
            color: Theme.muted
            opacity: 0.7
        }
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
                // A narrow tile (two columns on a totem) puts the logo above the name.
                readonly property bool narrow: grid.narrowCells
                Rectangle {
                    id: logoBox
                    anchors { left: tile.narrow ? undefined : parent.left; leftMargin: Theme.px(36)
                              verticalCenter: tile.narrow ? undefined : parent.verticalCenter
                              horizontalCenter: tile.narrow ? parent.horizontalCenter : undefined
                              top: tile.narrow ? parent.top : undefined
                              topMargin: Theme.px(14) + Theme.px(36) }
                    width: tile.narrow ? Math.min(Theme.px(120), parent.height * 0.3)
                                       : Math.min(Theme.px(140), parent.height - Theme.px(80))
                    height: width
                    radius: width / 2
                    color: Theme.onImage
                    border.color: Theme.line
                    border.width: Theme.px(2)
                    Image {
                        anchors.fill: parent
                        anchors.margins: parent.width * 0.12
                        source: cell.logo
                        autoTransform: true   // upright, as the camera meant (EXIF)
                        sourceSize.width: width
                        sourceSize.height: height
                        fillMode: Image.PreserveAspectFit
                        asynchronous: true
                    }
                }
                // The name is never cut: it wraps, and shrinks to fit the tile if it must.
                // The description is a preview: as many of its two lines as the name leaves.
                Heading {
                    id: nameProbe
                    width: nameText.width
                    text: nameText.text
                    font.pixelSize: nameText.font.pixelSize
                    lineHeight: nameText.lineHeight
                    opacity: 0
                }
                Column {
                    id: tileText
                    readonly property real room: tile.narrow
                        ? tile.height - logoBox.y - logoBox.height - 2 * Theme.px(24)
                        : tile.height - Theme.px(14) - 2 * Theme.px(24)
                    anchors { left: tile.narrow ? parent.left : logoBox.right; leftMargin: Theme.px(32)
                              right: parent.right; rightMargin: Theme.px(32)
                              verticalCenter: tile.narrow ? undefined : parent.verticalCenter
                              verticalCenterOffset: Theme.px(7)
                              top: tile.narrow ? logoBox.bottom : undefined
                              topMargin: Theme.px(24) }
                    spacing: Theme.px(12)
                    Heading {
                        id: nameText
                        width: parent.width
                        height: Math.min(nameProbe.implicitHeight, tileText.room)
                        text: Theme.tr(cell.name)
                        font.pixelSize: Theme.px(32 * Theme.boost)
                        fontSizeMode: Text.Fit
                        minimumPixelSize: Theme.caption
                        lineHeight: 1.05
                        verticalAlignment: tile.narrow ? Text.AlignTop : Text.AlignVCenter
                        horizontalAlignment: tile.narrow ? Text.AlignHCenter : Text.AlignLeft
                    }
                    Caption {
                        id: descriptionText
                        readonly property int lines: Math.min(2, Math.floor(
                            (tileText.room - nameText.height - tileText.spacing)
                            / (font.pixelSize * Theme.lineHeight)))
                        width: parent.width
                        visible: lines > 0 && text !== ""
                        text: Theme.tr(cell.description)
                        maximumLineCount: Math.max(1, lines)
                        elide: Text.ElideRight
                        horizontalAlignment: tile.narrow ? Text.AlignHCenter : Text.AlignLeft
                        // a preview: the entity page shows the whole description
                        readonly property bool teaser: true
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
