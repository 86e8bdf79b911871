import QtQuick
import QtQuick.Window

Window {
    id: root
    required property string titleAr
    required property string titleEn
    required property string fontArabic
    required property string fontLatin
    required property bool windowed

    width: 1920
    height: 1080
    visible: true
    visibility: windowed ? Window.Windowed : Window.FullScreen
    flags: windowed ? Qt.Window : (Qt.Window | Qt.FramelessWindowHint)
    color: "#8A1538"
    title: titleEn

    Column {
        anchors.centerIn: parent
        spacing: 32
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            text: root.titleAr
            font.family: root.fontArabic
            font.pixelSize: 96
            color: "white"
        }
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            text: root.titleEn
            font.family: root.fontLatin
            font.pixelSize: 72
            color: "white"
        }
    }
}
