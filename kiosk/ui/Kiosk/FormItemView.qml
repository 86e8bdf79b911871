import QtQuick
import QtQuick.Templates as T
import KioskBackend

// One item of a form screen: header, paragraph, field, choice, list or button.
// Only the item's own kind is built (building all six and hiding five made every
// form screen slow to appear). What a visitor types is never stored or logged.
Item {
    id: root
    required property var item
    required property int itemIndex
    required property Controller controller
    property color accent: Theme.primary
    implicitHeight: loader.implicitHeight
    height: implicitHeight

    Loader {
        id: loader
        width: root.width
        sourceComponent: {
            switch (root.item.type) {
            case "header": return header
            case "paragraph": return paragraph
            case "field": return field
            case "choice": return choice
            case "list": return list
            case "button": return button
            default: return null
            }
        }
    }

    Component {
        id: header
        Text {
            textFormat: Text.PlainText
            text: Theme.tr(root.item.text)
            font.family: Theme.headingFamily
            font.pixelSize: Theme.px(44 * Theme.boost)
            font.bold: true
            color: Theme.text
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignLeft
        }
    }
    Component {
        id: paragraph
        Text {
            textFormat: Text.PlainText
            text: Theme.tr(root.item.text)
            font.family: Theme.bodyFamily
            font.pixelSize: Theme.body
            color: Theme.text
            wrapMode: Text.WordWrap
            lineHeight: Theme.lineHeight
            horizontalAlignment: Text.AlignLeft
        }
    }
    // The label above a field, a choice or a list.
    component Label: Text {
        textFormat: Text.PlainText
        visible: text !== ""
        font.family: Theme.bodyFamily
        font.pixelSize: Theme.body
        font.bold: true
        color: Theme.text
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignLeft
    }
    Component {
        id: field
        Column {
            spacing: Theme.px(10)
            Label { width: parent.width; text: Theme.tr(root.item.label) }
            // The template, not the Basic style's TextField: that style draws the placeholder
            // with an AutoText Text, which would render markup from the bundle.
            T.TextField {
                id: input
                objectName: "field-" + root.itemIndex
                width: parent.width
                height: Theme.touch
                placeholderText: Theme.tr(root.item.placeholder)
                placeholderTextColor: Theme.muted
                color: Theme.text
                selectionColor: root.accent
                selectedTextColor: Theme.primaryInk
                font.family: Theme.bodyFamily
                font.pixelSize: Theme.body
                verticalAlignment: TextInput.AlignVCenter
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
                    border.color: input.activeFocus ? root.accent : Theme.line
                    border.width: Theme.px(3)
                }
                Text {
                    objectName: "placeholder-" + root.itemIndex
                    textFormat: Text.PlainText
                    x: input.leftPadding
                    y: input.topPadding
                    width: input.width - input.leftPadding - input.rightPadding
                    height: input.height - input.topPadding - input.bottomPadding
                    visible: !input.length && !input.preeditText
                    text: input.placeholderText
                    font: input.font
                    color: input.placeholderTextColor
                    verticalAlignment: Text.AlignVCenter
                    horizontalAlignment: Text.AlignLeft
                    elide: Text.ElideRight
                }
            }
        }
    }
    Component {
        id: choice
        Column {
            spacing: Theme.px(10)
            Label { width: parent.width; text: Theme.tr(root.item.label) }
            Flow {
                id: choices
                width: parent.width
                spacing: Theme.px(16)
                property int picked: -1
                Repeater {
                    model: root.item.options
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
        }
    }
    Component {
        id: list
        Column {
            spacing: Theme.px(10)
            Label { width: parent.width; text: Theme.tr(root.item.label) }
            Column {
                width: parent.width
                Repeater {
                    model: root.item.rows
                    delegate: Rectangle {
                        required property var modelData
                        required property int index
                        width: root.width
                        height: Math.max(Theme.touch * 0.8, rowLabel.implicitHeight + Theme.px(24))
                        color: index % 2 ? Theme.background : Theme.surface
                        Text {
                            id: rowLabel
                            textFormat: Text.PlainText
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
                            textFormat: Text.PlainText
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
        }
    }
    Component {
        id: button
        Item {
            implicitHeight: formButton.implicitHeight
            KButton {
                id: formButton
                objectName: "formButton-" + root.itemIndex
                anchors.left: parent.left
                width: Math.min(implicitWidth, parent.width)   // a long label wraps
                label: Theme.tr(root.item.label)
                fill: root.accent
                onClicked: {
                    Qt.inputMethod.hide()
                    root.controller.follow(root.item.target)
                }
            }
        }
    }
}
