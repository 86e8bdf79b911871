import QtQuick

// One page: loaded while shown, cross-faded in and out.
Item {
    id: host
    property bool current: false
    property alias sourceComponent: loader.sourceComponent
    readonly property Item item: loader.item

    anchors.fill: parent
    opacity: current ? 1 : 0
    visible: opacity > 0
    enabled: current
    Behavior on opacity { NumberAnimation { duration: Theme.fade; easing.type: Easing.InOutQuad } }

    Loader {
        id: loader
        anchors.fill: parent
        active: host.visible
    }
}
