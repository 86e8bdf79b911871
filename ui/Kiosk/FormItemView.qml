import QtQuick
import QtQuick.Controls.Basic
import KioskBackend

// One item of a form screen: header, paragraph, field, choice, list or button.
// What a visitor types is never stored or logged.
Column {
    id: root
    required property var item
    required property int itemIndex
    required property Controller controller
    property color accent: Theme.primary
    spacing: Theme.px(10)

    Text {
        visible: root.item.type === "header"
        width: root.width
        text: Theme.tr(root.item.text)
        font.family: Theme.headingFamily
        font.pixelSize: Theme.px(44 * Theme.boost)
        font.bold: true
        color: Theme.text
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignLeft
    }
    Text {
        visible: root.item.type === "paragraph"
        width: root.width
        text: Theme.tr(root.item.text)
        font.family: Theme.bodyFamily
        font.pixelSize: Theme.body
        color: Theme.text
        wrapMode: Text.WordWrap
        lineHeight: Theme.lineHeight
        horizontalAlignment: Text.AlignLeft
    }
    Text {
        visible: ["field", "choice", "list"].indexOf(root.item.type) >= 0 && text !== ""
        width: root.width
        text: Theme.tr(root.item.label)
        font.family: Theme.bodyFamily
        font.pixelSize: Theme.body
        font.bold: true
        color: Theme.text
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignLeft
    }
    TextField {
        objectName: "field-" + root.itemIndex
        visible: root.item.type === "field"
        width: root.width
        height: Theme.touch
        placeholderText: Theme.tr(root.item.placeholder)
        placeholderTextColor: Theme.muted
        color: Theme.text
        font.family: Theme.bodyFamily
        font.pixelSize: Theme.body
        horizontalAlignment: TextInput.AlignLeft   // mirrored to the right in Arabic
        leftPadding: Theme.px(24)
        rightPadding: Theme.px(24)
        inputMethodHints: {
            switch (root.item.input) {
            case "number": return Qt.ImhDigitsOnly
            case "phone": return Qt.ImhDialableCharactersOnly
            case "email": return Qt.ImhEmailCharactersOnly
            case "date": return Qt.ImhDate
            default: return Qt.ImhNoPredictiveText
            }
        }
        background: Rectangle {
            radius: Theme.px(12)
            color: Theme.surface
            border.color: parent.activeFocus ? root.accent : Theme.line
            border.width: Theme.px(3)
        }
    }
    Flow {
        visible: root.item.type === "choice"
        width: root.width
        spacing: Theme.px(16)
        property int picked: -1
        id: choices
        Repeater {
            model: root.item.type === "choice" ? root.item.options : []
            delegate: KButton {
                required property var modelData
                required property int index
                objectName: "option-" + root.itemIndex + "-" + index
                label: Theme.tr(modelData)
                outlined: choices.picked !== index
                fill: root.accent
                onClicked: choices.picked = index
            }
        }
    }
    Column {
        visible: root.item.type === "list"
        width: root.width
        Repeater {
            model: root.item.type === "list" ? root.item.rows : []
            delegate: Rectangle {
                required property var modelData
                required property int index
                width: root.width
                height: Math.max(Theme.touch * 0.8, rowLabel.implicitHeight + Theme.px(24))
                color: index % 2 ? Theme.background : Theme.surface
                Text {
                    id: rowLabel
                    anchors { left: parent.left; leftMargin: Theme.px(20); verticalCenter: parent.verticalCenter }
                    width: parent.width * 0.5
                    text: Theme.tr(modelData.label)
                    font.family: Theme.bodyFamily
                    font.pixelSize: Theme.body
                    color: Theme.muted
                    wrapMode: Text.WordWrap
                    horizontalAlignment: Text.AlignLeft
                }
                Text {
                    anchors { right: parent.right; rightMargin: Theme.px(20); verticalCenter: parent.verticalCenter }
                    width: parent.width * 0.45
                    text: Theme.tr(modelData.value)
                    font.family: Theme.bodyFamily
                    font.pixelSize: Theme.body
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.WordWrap
                    horizontalAlignment: Text.AlignRight
                }
            }
        }
    }
    KButton {
        objectName: "formButton-" + root.itemIndex
        anchors.left: parent.left
        visible: root.item.type === "button"
        label: Theme.tr(root.item.label)
        fill: root.accent
        onClicked: {
            Qt.inputMethod.hide()
            root.controller.follow(root.item.target)
        }
    }
}
