import QtQuick

// Running text: the body face at the body size, in the page's reading direction.
Text {
    textFormat: Text.PlainText
    font.family: Theme.bodyFamily
    font.pixelSize: Theme.body
    color: Theme.text
    wrapMode: Text.WordWrap
    horizontalAlignment: Text.AlignLeft
}
