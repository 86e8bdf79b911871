pragma Singleton
import QtQuick
import QtMultimedia

// The kiosk's one media player. The singleton is made the first time a video slide
// shows, and kept for the window's life: an FFmpeg player created and destroyed for
// every video slide made the kiosk's memory grow with every visit (benchmarks, memory
// section). The shown video slide's VideoPane borrows it and lends it its VideoOutput.
QtObject {
    readonly property MediaPlayer player: MediaPlayer {}
}
