import QtQuick
import QtMultimedia
import KioskBackend

// A video slide while it is shown: the picture, and buttons for sound and replay.
// It lives in a Loader and is destroyed when its slide leaves. The player is the
// kiosk's one shared player (Media), which the pane drives while it exists.
Item {
    id: pane
    required property string source
    required property Controller controller
    readonly property MediaPlayer player: Media.player
    // Whether the player still shows this pane's video: the next video slide's pane
    // may take it over before this one is destroyed (the Loaders change in either order).
    readonly property bool owner: player.videoOutput === output

    // The pane only reports what the player says; the session decides (kiosk.session: a
    // video that fails, or shows no progress, is skipped on the session's clock).
    property bool progressed: false
    Connections {
        target: pane.owner ? pane.player : null
        function onPlaybackStateChanged() {
            pane.controller.setVideoPlaying(pane.player.playbackState === MediaPlayer.PlayingState)
        }
        function onMediaStatusChanged() {
            if (pane.player.mediaStatus === MediaPlayer.EndOfMedia)
                pane.controller.videoFinished()
            else if (pane.player.mediaStatus === MediaPlayer.InvalidMedia)
                pane.controller.videoFailed("invalid")
        }
        function onErrorOccurred() { pane.controller.videoFailed("error") }
    }
    // Progress is a frame shown: a file with a garbled index "plays" (its position runs)
    // without ever decoding one.
    Connections {
        target: pane.owner && !pane.progressed ? output.videoSink : null
        function onVideoFrameChanged() {
            pane.progressed = true
            pane.controller.videoProgress()
        }
    }
    function play() {
        progressed = false
        player.play()
        controller.videoAsked()
    }

    // Muted by default: the audio output is only created when a visitor asks for
    // sound, so a booth without speakers (or a sound server) never opens one.
    readonly property bool muted: !player.audioOutput || player.audioOutput.muted
    Component { id: audioComponent; AudioOutput {} }
    function toggleSound() {
        if (!player.audioOutput)
            player.audioOutput = audioComponent.createObject(player)
        else
            player.audioOutput.muted = !player.audioOutput.muted
    }

    // The fit rule (Theme.cropsWell): a video close to the pane's shape fills it; one of
    // another shape (a portrait phone video on a landscape screen) is shown whole, on the
    // plain media background (a live blur of every frame would cost the booth's GPU), over
    // the poster as soon as the video's size is known.
    readonly property real aspect: output.sourceRect.height > 0
                                   ? output.sourceRect.width / output.sourceRect.height : 0
    readonly property bool whole: aspect > 0 && !Theme.cropsWell(aspect, width / Math.max(1, height))
    Rectangle {
        anchors.fill: parent
        visible: pane.whole
        color: Theme.mediaBackground
    }
    VideoOutput {
        id: output
        objectName: "videoOutput"
        anchors.fill: parent
        fillMode: pane.whole ? VideoOutput.PreserveAspectFit : VideoOutput.PreserveAspectCrop
    }
    Component.onCompleted: {
        if (player.audioOutput)
            player.audioOutput.muted = true     // every video starts muted
        player.videoOutput = output
        player.source = pane.source
        pane.play()
    }
    Component.onDestruction: {
        if (owner) {
            player.stop()
            player.videoOutput = null
            controller.setVideoPlaying(false)
        }
    }

    Row {
        anchors { top: parent.top; right: parent.right; margins: Theme.px(24) }
        spacing: Theme.px(16)
        layoutDirection: Qt.LeftToRight
        KButton {
            objectName: "unmuteButton"
            label: pane.muted ? Theme.ui("تشغيل الصوت", "Sound on") : Theme.ui("كتم الصوت", "Sound off")
            fill: Theme.onImageSoft
            ink: Theme.text
            onClicked: pane.toggleSound()
        }
        KButton {
            objectName: "replayButton"
            label: Theme.ui("إعادة", "Replay")
            fill: Theme.onImageSoft
            ink: Theme.text
            onClicked: { pane.player.position = 0; pane.play() }
        }
    }
}
