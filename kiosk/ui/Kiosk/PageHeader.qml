import QtQuick
import KioskBackend

// The bar along the top of a page: a way back, the entity's logo, a title that wraps onto
// two lines and shrinks to fit rather than being cut, whatever the page puts under the
// title (the demo's steps), more buttons, and the language button. A rule in the entity's
// colour runs along its foot.
//
// Where the buttons leave the title less than Theme.headerTitleRoom (a portrait totem),
// the header grows: the buttons keep a band of their own along the top, and the logo and
// the title take the full width under it. Anchors only, so that Arabic mirrors it.
Rectangle {
    id: header
    required property Controller controller
    property color accent: Theme.primary
    property string backLabel
    property string backName: "backButton"
    property url logo: ""
    property string title
    property string titleName: "pageTitle"
    // Under the title (e.g. "Step 2 of 5" and its dots), and before the language button.
    property alias below: belowTitle.data
    property alias trailing: trailingRow.data
    // Only the buttons' band, without the title (a demo while typing on a short screen).
    property bool tuck: false
    signal back()

    readonly property bool hasLogo: logo.toString() !== ""
    readonly property real besideTitle: 2 * Theme.margin + backButton.width + langButton.width
        + (trailingRow.width > 0 ? trailingRow.width + Theme.gap : 0)
        + (hasLogo ? Theme.headerLogo + Theme.headerSpacing : 0) + 2 * Theme.headerSpacing
    // Beside the buttons, the title may shrink to headerTitleMin on two lines (one, with
    // something under it); if it would need more even then (or the room is too narrow), it
    // goes under them.
    readonly property bool stacked: width - besideTitle < Theme.headerTitleRoom
                                    || fitProbe.lineCount > (belowTitle.height > 0 ? 1 : 2)
    readonly property real band: stacked ? Theme.headerBand : Theme.headerHeight - Theme.headerRule

    height: tucked ? Theme.headerBand + Theme.headerRule
          : stacked ? band + Math.max(titleColumn.height, hasLogo ? Theme.headerLogo : 0)
                      + Theme.headerSpacing + Theme.headerRule
                    : Theme.headerHeight
    readonly property bool tucked: tuck && stacked
    color: Theme.background

    // The title at its smallest, in the room beside the buttons: laid out, not drawn.
    Heading {
        id: fitProbe
        width: Math.max(1, header.width - header.besideTitle)
        text: header.title
        font.pixelSize: Theme.headerTitleMin
        opacity: 0
    }
    Rectangle {
        anchors { bottom: parent.bottom; left: parent.left; right: parent.right }
        height: Theme.headerRule
        color: header.accent
    }
    KButton {
        id: backButton
        objectName: header.backName
        anchors { left: parent.left; leftMargin: Theme.margin
                  top: parent.top; topMargin: (header.band - height) / 2 }
        label: (Theme.rtl ? "›  " : "‹  ") + header.backLabel
        outlined: true
        fill: header.accent
        onClicked: header.back()
    }
    Image {
        id: logoImage
        visible: header.hasLogo && !header.tucked
        anchors { left: header.stacked ? parent.left : backButton.right
                  leftMargin: header.stacked ? Theme.margin : (visible ? Theme.headerSpacing : 0)
                  verticalCenter: titleColumn.verticalCenter }
        width: visible ? Theme.headerLogo : 0
        height: Theme.headerLogo
        source: header.logo
        autoTransform: true   // upright, as the camera meant (EXIF)
        sourceSize.width: Theme.headerLogo
        sourceSize.height: Theme.headerLogo
        fillMode: Image.PreserveAspectFit
        asynchronous: true
    }
    Column {
        id: titleColumn
        visible: !header.tucked
        anchors { left: logoImage.right
                  leftMargin: header.hasLogo || !header.stacked ? Theme.headerSpacing : 0
                  right: header.stacked ? parent.right : trailingRow.left
                  rightMargin: header.stacked ? Theme.margin : Theme.headerSpacing
                  top: parent.top
                  topMargin: header.stacked ? header.band : (header.band - height) / 2 }
        spacing: Theme.px(4)
        Heading {
            objectName: header.titleName
            width: parent.width
            // Beside the buttons the title has the bar's height, and shrinks to fit it;
            // under them it has two lines at full size.
            height: header.stacked ? implicitHeight
                                   : header.band - Theme.px(20) - belowTitle.height
                                     - (belowTitle.height > 0 ? titleColumn.spacing : 0)
            text: header.title
            font.pixelSize: Theme.headerTitle
            fontSizeMode: header.stacked ? Text.FixedSize : Text.Fit
            minimumPixelSize: Theme.headerTitleMin
            // never elided: beside the buttons it fits on two lines (see stacked); under
            // them it wraps onto as many as it needs
            maximumLineCount: header.stacked ? 4 : 2
            verticalAlignment: Text.AlignVCenter
        }
        Item {
            id: belowTitle
            width: parent.width
            height: childrenRect.height
        }
    }
    Row {
        id: trailingRow
        anchors { right: langButton.left; rightMargin: children.length ? Theme.gap : 0
                  top: parent.top; topMargin: (header.band - height) / 2 }
        spacing: Theme.gap
    }
    LanguageButton {
        id: langButton
        anchors { right: parent.right; rightMargin: Theme.margin
                  top: parent.top; topMargin: (header.band - height) / 2 }
        controller: header.controller
        fill: Theme.primary
        ink: Theme.primaryInk
    }
}
