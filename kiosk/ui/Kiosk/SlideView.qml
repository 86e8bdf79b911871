import QtQuick
import QtMultimedia
import KioskBackend

// The entity's slides: swipe or buttons, page dots, auto-advance that waits
// while the visitor interacts, and videos that play only while shown.
Item {
    id: view
    required property Controller controller
    property color accent: Theme.primary
    readonly property int count: list.count
    readonly property int captionHeight: Theme.px(150)

    ListView {
        id: list
        objectName: "slideList"
        anchors { top: parent.top; left: parent.left; right: parent.right; bottom: controls.top
                  bottomMargin: Theme.px(20) }
        orientation: ListView.Horizontal
        layoutDirection: Theme.rtl ? Qt.RightToLeft : Qt.LeftToRight
        snapMode: ListView.SnapOneItem
        highlightRangeMode: ListView.StrictlyEnforceRange
        highlightMoveDuration: Theme.slideMove
        boundsBehavior: Flickable.StopAtBounds
        // The previous and next slides are built ahead, in the background; not while
        // the page fades out (it is disabled then): its destruction would cut their
        // building short ("Object or context destroyed during incubation").
        cacheBuffer: view.enabled ? width : 0
        clip: true
        model: view.controller.slides
        currentIndex: view.controller.slideIndex
        onCurrentIndexChanged: if (currentIndex !== view.controller.slideIndex) view.controller.showSlide(currentIndex)

        // One delegate per kind: a slide builds only what its kind shows (building every
        // kind and hiding two cost ~25 ms of GUI time when an entity opened).
        delegate: Item {
            id: slide
            required property int index
            required property string slideId
            required property string kind
            required property string image
            required property string video
            required property string poster
            required property var caption
            required property var title
            required property var body
            required property var bullets
            required property real duration
            readonly property bool current: ListView.isCurrentItem && view.visible
            objectName: "slide-" + slideId
            width: list.width
            height: list.height

            Rectangle {
                anchors.fill: parent
                anchors.leftMargin: Theme.px(4)
                anchors.rightMargin: Theme.px(4)
                radius: Theme.radius
                color: slide.kind === "text" ? Theme.background : Theme.mediaBackground
                clip: true
                Loader {
                    anchors.fill: parent
                    sourceComponent: slide.kind === "text" ? textSlide : mediaSlide
                }
            }

            // Image and video slides: the picture (a video's poster until it plays),
            // the video while the slide is shown, and the caption on a scrim.
            Component {
                id: mediaSlide
                Item {
                    Picture {   // upright, and whole when cropping would cut too much
                        anchors.fill: parent
                        source: slide.kind === "image" ? slide.image : slide.poster
                    }
                    Loader {
                        anchors.fill: parent
                        active: slide.kind === "video" && slide.current
                        sourceComponent: VideoPane { source: slide.video; controller: view.controller }
                    }
                    // Caption on a scrim, never straight on the photo. A long one steps down
                    // a size, then scrolls inside a scrim of at most captionMost of the slide.
                    Body {
                        id: captionProbe
                        width: captionBox.width
                        text: Theme.tr(slide.caption)
                        lineHeight: Theme.lineHeight * 0.85
                        opacity: 0
                    }
                    Rectangle {
                        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
                        visible: captionText.text !== ""
                        readonly property real most: parent.height * Theme.captionMost
                        height: Math.min(captionText.implicitHeight, most) + Theme.px(48)
                        color: Theme.scrim
                        Scroller {
                            id: captionBox
                            objectName: "captionScroll"
                            anchors { fill: parent; topMargin: Theme.px(24); bottomMargin: Theme.px(24)
                                      leftMargin: Theme.px(36); rightMargin: Theme.px(36) }
                            natural: captionProbe.implicitHeight
                            room: parent.most
                            contentHeight: captionText.implicitHeight
                            autoScroll: slide.current
                            autoSeconds: slide.duration
                            fade: Theme.scrim
                            Body {
                                id: captionText
                                objectName: "slideCaption"
                                x: Theme.rtl ? Theme.scrollBar * 3 : 0
                                width: captionBox.width - Theme.scrollBar * 3
                                text: Theme.tr(slide.caption)
                                font.pixelSize: captionBox.compact ? Theme.bodyCompact : Theme.body
                                color: Theme.onImage
                                lineHeight: Theme.lineHeight * 0.85
                            }
                        }
                    }
                }
            }

            // Text slides are typeset here, in the visitor's language. Too long for the
            // slide, they step down one type size, then scroll (Scroller.qml); never clipped.
            Component {
                id: textSlide
                Item {
                    // The same text at full size, laid out but not drawn: its height decides.
                    TextBlock {
                        id: probe
                        slideData: slide
                        width: scroller.width - Theme.scrollBar * 3
                        opacity: 0
                    }
                    Scroller {
                        id: scroller
                        objectName: "textSlideScroll"
                        anchors { fill: parent; margins: Theme.px(64) }
                        natural: probe.implicitHeight
                        contentHeight: shown.implicitHeight
                        autoScroll: slide.current
                        autoSeconds: slide.duration
                        TextBlock {
                            id: shown
                            slideData: slide
                            x: Theme.rtl ? Theme.scrollBar * 3 : 0   // clear of the scroll bar
                            width: scroller.width - Theme.scrollBar * 3
                            compact: scroller.compact
                        }
                    }
                }
            }
        }
    }

    // A text slide's words: its title, body and bullets, at full size or one size down.
    component TextBlock: Column {
        id: block
        required property Item slideData
        property bool compact: false
        readonly property int size: compact ? Theme.bodyCompact : Theme.body
        spacing: compact ? Theme.px(20) : Theme.px(28)
        Rectangle {
            anchors.left: parent.left
            width: Theme.px(96); height: Theme.px(10); radius: height / 2; color: view.accent
        }
        Heading {
            width: parent.width
            text: Theme.tr(block.slideData.title)
            font.pixelSize: block.compact ? Theme.headingCompact : Theme.heading
            lineHeight: 1.2
        }
        Body {
            width: parent.width
            visible: text !== ""
            text: Theme.tr(block.slideData.body)
            font.pixelSize: block.size
            lineHeight: Theme.lineHeight
        }
        Repeater {
            model: block.slideData.bullets
            delegate: Row {
                id: bullet
                required property var modelData
                spacing: Theme.px(20)
                width: parent.width
                Rectangle {
                    width: Theme.px(16); height: width; radius: width / 2
                    color: view.accent
                    y: bulletText.font.pixelSize * 0.55
                }
                Body {
                    id: bulletText
                    width: bullet.width - Theme.px(36)
                    text: Theme.tr(bullet.modelData)
                    font.pixelSize: block.size
                    lineHeight: Theme.lineHeight
                }
            }
        }
    }

    // Auto-advance is the session's (kiosk.session, on its clock): each slide's duration,
    // restarted by every touch, held while a video plays.

    Item {
        id: controls
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: Theme.touch
        KButton {
            id: prevButton
            objectName: "prevSlide"
            anchors { left: parent.left; verticalCenter: parent.verticalCenter }
            label: Theme.rtl ? "›" : "‹"
            fontSize: Theme.px(52)
            implicitWidth: Theme.touch * 1.4
            outlined: true
            fill: view.accent
            onClicked: view.controller.prevSlide()
        }
        Row {
            id: dots
            objectName: "pageDots"
            anchors.centerIn: parent
            // too many slides for a row of dots between the buttons: the count says it alone
            visible: width <= controls.width - 2 * (prevButton.width + counter.width + Theme.px(48))
            spacing: Theme.px(18)
            Repeater {
                model: list.count
                delegate: Rectangle {
                    required property int index
                    width: index === list.currentIndex ? Theme.px(44) : Theme.px(16)
                    height: Theme.px(16)
                    radius: height / 2
                    color: index === list.currentIndex ? view.accent : Theme.line
                    Behavior on width { NumberAnimation { duration: Theme.dotGrow } }
                }
            }
        }
        Text {
            id: counter
            textFormat: Text.PlainText
            anchors { left: prevButton.right; leftMargin: Theme.px(24); verticalCenter: parent.verticalCenter }
            text: (list.currentIndex + 1) + " / " + list.count
            font.family: Theme.latinFamily
            font.pixelSize: Theme.caption
            color: Theme.muted
        }
        KButton {
            objectName: "nextSlide"
            anchors { right: parent.right; verticalCenter: parent.verticalCenter }
            label: Theme.rtl ? "‹" : "›"
            fontSize: Theme.px(52)
            implicitWidth: Theme.touch * 1.4
            fill: view.accent
            onClicked: view.controller.nextSlide()
        }
    }
}
