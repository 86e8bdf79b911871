import QtQuick
import KioskBackend

// The attract loop: calm cross-fading highlights from every entity.
Rectangle {
    id: page
    objectName: "attractPage"
    required property Controller controller
    color: Theme.primary

    property int index: 0
    property bool showA: true
    readonly property var slides: controller.attractSlides
    readonly property int count: slides.length

    function rowAt(i) { return slides[i] }
    property var slideA: count > 0 ? rowAt(0) : ({})
    property var slideB: count > 1 ? rowAt(1) : slideA
    readonly property var shown: showA ? slideA : slideB

    // The session rotates the loop on its clock (kiosk.session); this only cross-fades.
    Connections {
        target: page.controller
        function onAttractIndexChanged() {
            const next = page.controller.attractIndex
            if (next === page.index || next >= page.count) return
            page.index = next
            if (page.showA) page.slideB = page.rowAt(page.index)
            else page.slideA = page.rowAt(page.index)
            page.showA = !page.showA
        }
    }

    // A full-screen background: it always fills the screen (upright, see Picture.qml).
    component Highlight: Picture {
        property bool active
        readonly property bool bleed: true   // its slow zoom runs past the window's edges
        anchors.fill: parent
        alwaysFills: true
        opacity: active && status === Image.Ready ? 1 : 0
        Behavior on opacity { NumberAnimation { duration: Theme.crossfade; easing.type: Easing.InOutQuad } }
        scale: active ? 1.06 : 1.0
        Behavior on scale { NumberAnimation { duration: page.controller.attractSeconds * 1000 + Theme.crossfade } }
    }
    Highlight { source: page.slideA.image || ""; active: page.showA }
    Highlight { source: page.slideB.image || ""; active: !page.showA }

    // Scrims keep the text readable over any picture.
    Rectangle {
        anchors.fill: parent
        gradient: Gradient {
            GradientStop { position: 0.0; color: Theme.attractScrim0 }
            GradientStop { position: 0.3; color: Theme.attractScrim1 }
            GradientStop { position: 0.45; color: Theme.attractScrim2 }
            GradientStop { position: 0.6; color: Theme.attractScrim3 }
            GradientStop { position: 1.0; color: Theme.attractScrim4 }
        }
    }

    // The bundle's title and subtitle, and under them the shown entity's name and caption.
    // Long ones step down a size, then glide by themselves (Scroller.qml): never cut, never
    // over each other.
    component TitleBlock: Column {
        property bool compact: false
        spacing: Theme.px(8)
        Text {
            textFormat: Text.PlainText
            width: parent.width
            text: page.controller.title.ar || ""
            font.family: Theme.arabicHeadingFamily
            font.pixelSize: parent.compact ? Theme.px(60) : Theme.px(76)
            font.bold: true
            color: Theme.onImage
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Text {
            textFormat: Text.PlainText
            width: parent.width
            text: page.controller.title.en || ""
            font.family: Theme.latinFamily
            font.pixelSize: parent.compact ? Theme.px(44) : Theme.px(56)
            color: Theme.onImage
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Text {
            textFormat: Text.PlainText
            width: parent.width
            visible: text !== ""
            text: Theme.tr(page.controller.subtitle)
            font.family: Theme.bodyFamily
            font.pixelSize: parent.compact ? Theme.body : Theme.lead
            color: Theme.onImageStrong
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
    }
    component CaptionBlock: Column {
        property bool compact: false
        spacing: Theme.px(6)
        Text {
            textFormat: Text.PlainText
            width: parent.width
            text: (page.shown.entityName || {}).ar || ""
            font.family: Theme.arabicFamily
            font.pixelSize: parent.compact ? Theme.px(34) : Theme.px(40)
            font.bold: true
            color: Theme.onImage
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Text {
            textFormat: Text.PlainText
            width: parent.width
            text: (page.shown.caption || {}).ar || ""
            font.family: Theme.arabicFamily
            font.pixelSize: parent.compact ? Theme.px(29) : Theme.px(34)
            color: Theme.onImage
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Text {
            textFormat: Text.PlainText
            width: parent.width
            text: (page.shown.caption || {}).en || ""
            font.family: Theme.latinFamily
            font.pixelSize: parent.compact ? Theme.px(26) : Theme.px(30)
            color: Theme.onImageSoft
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
    }
    TitleBlock { id: titleProbe; width: titleBox.width; opacity: 0 }
    CaptionBlock { id: captionProbe; width: captionBox.width; opacity: 0 }

    Scroller {
        id: titleBox
        objectName: "attractTitle"
        anchors { top: parent.top; left: parent.left; right: parent.right; margins: Theme.margin
                  bottom: captionPanel.top; bottomMargin: Theme.margin }
        natural: titleProbe.implicitHeight
        contentHeight: titleShown.implicitHeight
        autoScroll: page.visible
        autoSeconds: page.controller.attractSeconds
        fade: "transparent"
        TitleBlock { id: titleShown; width: titleBox.width; compact: titleBox.compact }
    }

    Rectangle {   // a panel behind the captions: text never sits on the bare picture
        id: captionPanel
        anchors.fill: captionBox
        anchors.margins: -Theme.px(24)
        radius: Theme.radius
        color: Theme.pillScrim
    }
    Scroller {
        id: captionBox
        objectName: "attractCaption"
        anchors { left: parent.left; right: parent.right; bottom: prompt.top; margins: Theme.margin * 1.5 }
        readonly property real most: page.height * Theme.captionMost
        height: Math.min(captionShown.implicitHeight, most)
        room: most
        natural: captionProbe.implicitHeight
        contentHeight: captionShown.implicitHeight
        autoScroll: page.visible
        autoSeconds: page.controller.attractSeconds
        fade: Theme.pillScrim
        CaptionBlock { id: captionShown; width: captionBox.width; compact: captionBox.compact }
    }

    Rectangle {
        id: prompt
        objectName: "touchPrompt"
        anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom; bottomMargin: Theme.margin }
        width: promptRow.implicitWidth + Theme.px(96)
        height: Theme.px(112)
        radius: height / 2
        color: Theme.onImage
        SequentialAnimation on opacity {
            loops: Animation.Infinite
            running: page.visible
            NumberAnimation { from: 1.0; to: 0.78; duration: Theme.breathe; easing.type: Easing.InOutSine }
            NumberAnimation { from: 0.78; to: 1.0; duration: Theme.breathe; easing.type: Easing.InOutSine }
        }
        Row {
            id: promptRow
            anchors.centerIn: parent
            spacing: Theme.px(28)
            Text {
                textFormat: Text.PlainText
                text: "المس للاستكشاف"
                font.family: Theme.arabicFamily
                font.pixelSize: Theme.px(44)
                font.bold: true
                color: Theme.primary
                anchors.verticalCenter: parent.verticalCenter
            }
            Rectangle { width: Theme.px(3); height: Theme.px(48); color: Theme.line; anchors.verticalCenter: parent.verticalCenter }
            Text {
                textFormat: Text.PlainText
                text: "Touch to explore"
                font.family: Theme.latinFamily
                font.pixelSize: Theme.px(40)
                font.bold: true
                color: Theme.primary
                anchors.verticalCenter: parent.verticalCenter
            }
        }
    }
}
