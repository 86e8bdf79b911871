import QtQuick
import QtQuick.Effects

// A bundle picture by the fit rule (docs/bundle-format.md, "How pictures and videos are
// shown"): upright as the camera meant it (EXIF orientation), never stretched. When its
// shape is close to the area's (at most Theme.cropTolerance of it cut away) it fills the
// area; otherwise it is shown whole over a blurred, darkened copy of itself.
//
// The picture is decoded to fit a square of the area's longer side: Qt applies sourceSize
// to the picture as stored, before turning it upright, and only a square means the same
// either way round. It is then drawn fitted into a box of its own shape (the area, or a
// larger box that covers it), so no crop happens at decoding time either.
Item {
    id: picture
    property url source
    // Always fill (the attract loop's full-screen backgrounds): upright, cropped, never whole.
    property bool alwaysFills: false
    readonly property alias status: shown.status
    // The picture's shape as a visitor sees it (width / height), 0 until it is decoded. Read
    // from the painted size, whose shape is the picture's whatever the box (it is fitted), by
    // a handler: as a binding it would loop through the box below, which it sizes ("Binding
    // loop detected"); after the box has settled (callLater), and rounded, so it settles once.
    property real aspect: 0
    function measure() {
        aspect = shown.status === Image.Ready && shown.paintedHeight > 0
                 ? Math.round(1000 * shown.paintedWidth / shown.paintedHeight) / 1000 : 0
    }
    readonly property bool fills: alwaysFills || Theme.cropsWell(aspect, width / Math.max(1, height))
    readonly property bool whole: aspect > 0 && !fills
    clip: true

    // The blurred copy behind a picture shown whole: a tiny decode, blurred, scaled to cover.
    // (Under Qt's software renderer effects are not drawn: the fill is then plain.)
    Image {
        id: backdrop
        visible: picture.whole
        source: visible ? picture.source : ""
        autoTransform: true
        asynchronous: true
        fillMode: Image.PreserveAspectFit
        sourceSize: Qt.size(Theme.backdropSize, Theme.backdropSize)
        anchors.centerIn: parent
        width: picture.aspect >= 1 ? Theme.backdropSize : Theme.backdropSize * picture.aspect
        height: picture.aspect >= 1 ? Theme.backdropSize / picture.aspect : Theme.backdropSize
        scale: Math.max(picture.width / width, picture.height / height) * Theme.backdropOverscan
        layer.enabled: visible
        layer.effect: MultiEffect { blurEnabled: true; blur: 1.0; blurMax: Theme.backdropBlur }
    }
    Rectangle {
        anchors.fill: parent
        visible: picture.whole
        color: Theme.backdropDim
    }

    Image {
        id: shown
        objectName: "picture"
        readonly property bool bleed: true   // a filling picture's box runs past the area
        readonly property real side: Math.ceil(Math.max(picture.width, picture.height))
        anchors.centerIn: parent
        width: picture.fills && picture.aspect > 0
               ? Math.max(picture.width, picture.height * picture.aspect) : picture.width
        height: picture.fills && picture.aspect > 0
                ? Math.max(picture.height, picture.width / picture.aspect) : picture.height
        source: side > 0 ? picture.source : ""   // never decoded at full size
        autoTransform: true
        asynchronous: true
        fillMode: Image.PreserveAspectFit
        sourceSize: Qt.size(side, side)
        onStatusChanged: Qt.callLater(picture.measure)
        onPaintedWidthChanged: Qt.callLater(picture.measure)
        onPaintedHeightChanged: Qt.callLater(picture.measure)
    }
}
