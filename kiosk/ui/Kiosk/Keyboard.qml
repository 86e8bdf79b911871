import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

// The on-screen keyboard for demo forms. Main.qml loads this file by URL, so the
// VirtualKeyboard modules (and the Multimedia they pull in for key sounds) are not
// loaded with the window at start-up: ~6 ms off the first frame.
// It takes no types from the Kiosk module (a file loaded by URL would get a second Theme
// singleton); Main.qml binds its locale.
InputPanel {
    id: keyboard
    objectName: "keyboard"
    // The keyboard's language (VirtualKeyboardSettings.locale) while it is up.
    property string locale: "ar_AR"
    y: Qt.inputMethod.visible ? Window.height - height : Window.height
    visible: y < Window.height
    Behavior on y { NumberAnimation { duration: Theme.overlayFade; easing.type: Easing.OutCubic } }

    // A phone number starts with "+" ("+974 …"), but Qt's phone pad has "+" only on a long
    // press of "*", and visitors never long-press (UI.md, "Clarity first"): on the pad, the
    // "*" key is a "+" key (a form never asks for "*"); its long press still offers both.
    Connections {
        target: keyboard.keyboard.keyboardLayoutLoader
        function onItemChanged() { keyboard.offerPlus(keyboard.keyboard.keyboardLayoutLoader.item) }
    }
    function offerPlus(item) {
        if (!item)
            return
        if (item.key === Qt.Key_Asterisk && String(item.alternativeKeys).indexOf("+") >= 0) {
            item.key = Qt.Key_Plus
            item.text = "+"
            item.objectName = "plusKey"
            return
        }
        for (let i = 0; i < item.children.length; ++i)
            offerPlus(item.children[i])
    }

    Binding {
        target: VirtualKeyboardSettings   // process-wide: never restore an old window's value
        restoreMode: Binding.RestoreNone
        // Only while the keyboard is up: a hidden keyboard re-loading its layout made
        // every language switch ~20 ms slower.
        when: Qt.inputMethod.visible
        property: "locale"
        value: keyboard.locale
    }
}
