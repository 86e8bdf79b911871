import QtQuick

// A heading: the heading face, bold, in the page's reading direction. Wraps; never rich text.
Text {
    textFormat: Text.PlainText
    font.family: Theme.headingFamily
    font.pixelSize: Theme.heading
    font.bold: true
    color: Theme.text
    wrapMode: Text.WordWrap
    horizontalAlignment: Text.AlignLeft
}
