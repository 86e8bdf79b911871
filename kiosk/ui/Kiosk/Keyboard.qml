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
