import QtQuick
import KioskBackend

// Outside the opening hours (the bundle's schedule): the pavilion's name and when the kiosk
// opens, in both languages, for whoever passes. With closed = "display-off" it is dark
// instead (and the display is turned off where the platform allows: kiosk/qt/screensaver.py).
// Touches do nothing here: the kiosk's input filter takes them.
Rectangle {
    id: page
    objectName: "closedPage"
    required property Controller controller
    readonly property var info: controller.closed
    readonly property bool dark: info.dark === true
    color: dark ? Theme.displayOff : Theme.primary

    // "09:00" stays in its order inside Arabic text (UI.md: isolate numbers).
    function iso(t) { return "\u2068" + t + "\u2069" }
    readonly property string opensAr: {
        if (!info.opens) return ""
        const at = "الساعة " + iso(info.opens)
        if (info.day === "today") return "نفتح اليوم " + at
        if (info.day === "tomorrow") return "نفتح غدًا " + at
        return "نفتح يوم " + iso(info.date) + " " + at
    }
    readonly property string opensEn: {
        if (!info.opens) return ""
        if (info.day === "today") return "Opens today at " + info.opens
        if (info.day === "tomorrow") return "Opens tomorrow at " + info.opens
        return "Opens on " + info.date + " at " + info.opens
    }

    Column {
        id: col
        visible: !page.dark
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, Theme.px(1400))
        spacing: Theme.closedSpacing

        Text {
            objectName: "closedTitle"
            textFormat: Text.PlainText
            width: parent.width
            text: page.controller.title.ar || ""
            font.family: Theme.arabicHeadingFamily
            font.pixelSize: Theme.lead
            color: Theme.onImageSoft
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Text {
            textFormat: Text.PlainText
            width: parent.width
            text: page.controller.title.en || ""
            font.family: Theme.latinFamily
            font.pixelSize: Theme.body
            font.bold: true
            color: Theme.onImageSoft
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Rectangle {
            anchors.horizontalCenter: parent.horizontalCenter
            width: Theme.px(160); height: Theme.px(4); radius: height / 2
            color: Theme.onImageSoft
        }
        Text {
            objectName: "closedHeadingAr"
            textFormat: Text.PlainText
            width: parent.width
            text: "الجناح مغلق الآن"
            font.family: Theme.arabicHeadingFamily
            font.pixelSize: Theme.closedHeading
            font.bold: true
            color: Theme.onImage
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Text {
            objectName: "closedHeadingEn"
            textFormat: Text.PlainText
            width: parent.width
            text: "The pavilion is closed"
            font.family: Theme.latinFamily
            font.pixelSize: Theme.closedHeadingLatin
            font.bold: true
            color: Theme.onImage
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Rectangle {   // when it opens, on a panel of its own
            objectName: "closedOpens"
            visible: page.opensEn !== ""
            readonly property real pad: Theme.px(56)
            readonly property real most: parent.width - 2 * pad
            anchors.horizontalCenter: parent.horizontalCenter
            width: Math.min(parent.width, Math.max(opensAr.implicitWidth, opensEn.implicitWidth) + 2 * pad)
            height: opens.implicitHeight + 2 * Theme.px(32)
            radius: Theme.radius
            color: Theme.onImage
            Column {
                id: opens
                anchors.centerIn: parent
                spacing: Theme.px(8)
                Text {
                    id: opensAr
                    textFormat: Text.PlainText
                    anchors.horizontalCenter: parent.horizontalCenter
                    width: Math.min(implicitWidth, parent.parent.most)
                    text: page.opensAr
                    font.family: Theme.arabicFamily
                    font.pixelSize: Theme.lead
                    font.bold: true
                    color: Theme.primary
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                }
                Text {
                    id: opensEn
                    textFormat: Text.PlainText
                    anchors.horizontalCenter: parent.horizontalCenter
                    width: Math.min(implicitWidth, parent.parent.most)
                    text: page.opensEn
                    font.family: Theme.latinFamily
                    font.pixelSize: Theme.body
                    color: Theme.primary
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                }
            }
        }
    }
}
