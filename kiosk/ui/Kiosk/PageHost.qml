import QtQuick

// One page, created when it is shown and destroyed once it has faded out (kept pages
// would all re-typeset on every language switch).
//
// The change is a crossfade with the outgoing page on top: the incoming page is
// created underneath at full opacity at once, and the outgoing page fades out from
// 80 %, so the first frame after the tap already shows the new page through the old
// one instead of spending that frame at opacity 0.
Item {
    id: host
    property bool current: false
    property alias sourceComponent: loader.sourceComponent
    readonly property Item item: loader.item

    anchors.fill: parent
    opacity: 0
    visible: opacity > 0
    enabled: current
    z: current ? 0 : 1          // the outgoing page fades out over the incoming one
    // While it fades, the outgoing page is drawn into a layer and blended as one image:
    // it looks right (overlapping children do not show through each other) and, under
    // the software renderer, a fade frame costs ~4 ms instead of re-drawing the whole
    // old page each frame (all the rendering of the demo walk: 5.4 s -> 3.3 s). Not in
    // the first frame, the one that answers the tap: drawing the old page into a new
    // layer there made "open entity" ~7 ms slower. The fade starts at 0.8 and is below
    // 0.74 from its second frame on.
    layer.enabled: fadeOut.running && opacity < 0.74

    function show() {
        fadeOut.stop()
        loader.active = true
        opacity = 1
    }
    onCurrentChanged: {
        if (current)
            show()
        else if (opacity > 0)
            fadeOut.restart()
    }
    Component.onCompleted: if (current) show()

    NumberAnimation {
        id: fadeOut
        target: host
        property: "opacity"
        from: 0.8
        to: 0
        duration: Theme.fade
        easing.type: Easing.OutQuad
        onFinished: loader.active = false
    }

    Loader {
        id: loader
        anchors.fill: parent
        active: false
    }
}
