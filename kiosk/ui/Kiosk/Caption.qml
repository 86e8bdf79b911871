import QtQuick

// A small, quieter line under something larger: a step count, a summary, a note.
Text {
    textFormat: Text.PlainText
    font.family: Theme.bodyFamily
    font.pixelSize: Theme.caption
    color: Theme.muted
    wrapMode: Text.WordWrap
    horizontalAlignment: Text.AlignLeft
}
