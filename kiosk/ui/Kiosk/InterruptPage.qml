import QtQuick
import KioskBackend

// An interrupt of the bundle's schedule (a ceremony): its slides, full screen, in a calm
// loop the session rotates on its clock, and its title on a panel at the foot. Touches do
// nothing here: the kiosk's input filter takes them.
Rectangle {
    id: page
    objectName: "interruptPage"
    required property Controller controller
    color: Theme.primary

    readonly property var info: controller.interrupt
    readonly property var slides: info.slides || []
    readonly property int index: Math.min(controller.loopIndex, Math.max(0, slides.length - 1))
    readonly property string titleAr: (info.title || {}).ar || ""
    readonly property string titleEn: (info.title || {}).en || ""

    Repeater {
        model: page.slides.length
        Picture {
            required property int index
            anchors.fill: parent
            alwaysFills: true
            source: page.slides[index].image
            opacity: index === page.index && status === Image.Ready ? 1 : 0
            Behavior on opacity { NumberAnimation { duration: Theme.crossfade; easing.type: Easing.InOutQuad } }
        }
    }

    Rectangle {   // the title never sits on the bare picture
        objectName: "interruptTitle"
        visible: page.titleAr !== "" || page.titleEn !== ""
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: Theme.margin }
        height: titles.implicitHeight + 2 * Theme.px(36)
        radius: Theme.radius
        color: Theme.pillScrim
        Column {
            id: titles
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.px(48)
            spacing: Theme.px(8)
            Text {
                textFormat: Text.PlainText
                width: parent.width
                text: page.titleAr
                font.family: Theme.arabicHeadingFamily
                font.pixelSize: Theme.heading
                font.bold: true
                color: Theme.onImage
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            Text {
                textFormat: Text.PlainText
                width: parent.width
                text: page.titleEn
                font.family: Theme.latinFamily
                font.pixelSize: Theme.lead
                color: Theme.onImageStrong
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
        }
    }
}
