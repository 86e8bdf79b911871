import QtQuick
import QtMultimedia
import KioskBackend

// A video slide while it is shown: muted by default, with unmute and replay.
// It lives in a Loader and is destroyed when its slide leaves.
Item {
    id: pane
    required property string source
    required property Controller controller

    MediaPlayer {
        id: player
        source: pane.source
        videoOutput: output
        onPlaybackStateChanged: pane.controller.setVideoPlaying(playbackState === MediaPlayer.PlayingState)
        onMediaStatusChanged: if (mediaStatus === MediaPlayer.EndOfMedia) pane.controller.videoFinished()
    }
    // Muted by default: the audio output is only created when a visitor asks for
    // sound, so a booth without speakers (or a sound server) never opens one.
    property AudioOutput audio: null
    readonly property bool muted: !audio || audio.muted
    Component { id: audioComponent; AudioOutput {} }
    function toggleSound() {
        if (!audio) {
            audio = audioComponent.createObject(pane)
            player.audioOutput = audio
        } else {
            audio.muted = !audio.muted
        }
    }

    VideoOutput {
        id: output
        objectName: "videoOutput"
        anchors.fill: parent
        fillMode: VideoOutput.PreserveAspectCrop
    }
    Component.onCompleted: player.play()
    Component.onDestruction: player.stop()

    Row {
        anchors { top: parent.top; right: parent.right; margins: Theme.px(24) }
        spacing: Theme.px(16)
        layoutDirection: Qt.LeftToRight
        KButton {
            objectName: "unmuteButton"
            label: pane.muted ? Theme.ui("تشغيل الصوت", "Sound on") : Theme.ui("كتم الصوت", "Sound off")
            fill: "#E6FFFFFF"
            ink: Theme.text
            onClicked: pane.toggleSound()
        }
        KButton {
            objectName: "replayButton"
            label: Theme.ui("إعادة", "Replay")
            fill: "#E6FFFFFF"
            ink: Theme.text
            onClicked: { player.position = 0; player.play() }
        }
    }
}
