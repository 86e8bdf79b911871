import QtQuick
import QtQuick.Window
import KioskBackend

Window {
    id: win
    required property Controller controller
    required property bool windowed
    // The staff side (PIN pad and panel); null where the kiosk runs without one (tests).
    property Admin admin: null

    width: 1920
    height: 1080
    visible: true
    visibility: windowed ? Window.Windowed : Window.FullScreen
    flags: windowed ? Qt.Window : (Qt.Window | Qt.FramelessWindowHint)
    color: Theme.background
    title: Theme.tr(controller.title)

    // Kiosk mode: Alt+F4 and the window manager's close do nothing.
    onClosing: (close) => { close.accepted = win.windowed }

    Binding { target: Theme; property: "language"; value: win.controller.language }
    Binding { target: Theme; property: "scale"; value: Math.min(win.width, win.height) / 1080 }
    Binding { target: Theme; property: "primary"; value: win.controller.theme.primary }
    Binding { target: Theme; property: "primaryInk"; value: win.controller.theme.onPrimary }
    Binding { target: Theme; property: "background"; value: win.controller.theme.background }
    Binding { target: Theme; property: "surface"; value: win.controller.theme.surface }
    Binding { target: Theme; property: "text"; value: win.controller.theme.text }
    Binding { target: Theme; property: "arabicFamily"; value: win.controller.fonts.arabic }
    Binding { target: Theme; property: "arabicHeadingFamily"; value: win.controller.fonts.arabicHeading }
    Binding { target: Theme; property: "latinFamily"; value: win.controller.fonts.latin }
    Binding {
        target: Theme
        property: "keyboardInset"
        value: keyboardLoader && keyboardLoader.item && keyboardLoader.item.visible ? win.height - keyboardLoader.item.y : 0
    }

    Item {
        id: content
        objectName: "content"
        anchors.fill: parent
        LayoutMirroring.enabled: Theme.rtl
        LayoutMirroring.childrenInherit: true

        // A gentle dip when the language changes, instead of a jump.
        SequentialAnimation on opacity {
            id: langFade
            running: false
            NumberAnimation { to: 0.55; duration: Theme.langDipOut; easing.type: Easing.OutQuad }
            NumberAnimation { to: 1.0; duration: Theme.langDipIn; easing.type: Easing.InOutQuad }
        }
        Connections {
            target: win.controller
            function onLanguageChanged() { langFade.restart() }
            function onBundleChanged() { bundleFade.restart() }
        }
        // A new bundle arrives with a crossfade.
        SequentialAnimation on opacity {
            id: bundleFade
            running: false
            NumberAnimation { to: 0.0; duration: Theme.bundleOut; easing.type: Easing.InQuad }
            NumberAnimation { to: 1.0; duration: Theme.bundleIn; easing.type: Easing.OutQuad }
        }

        PageHost {
            objectName: "attractHost"
            current: win.controller.page === Pages.Attract
            sourceComponent: AttractPage { controller: win.controller }
        }
        PageHost {
            objectName: "homeHost"
            current: win.controller.page === Pages.Home
            sourceComponent: HomePage { controller: win.controller }
        }
        PageHost {
            objectName: "entityHost"
            current: win.controller.page === Pages.Entity
            sourceComponent: EntityPage { controller: win.controller }
        }
        PageHost {
            objectName: "demoHost"
            current: win.controller.page === Pages.Demo
            sourceComponent: DemoPage { controller: win.controller }
        }
        PageHost {
            objectName: "demoEndHost"
            current: win.controller.page === Pages.DemoEnd
            sourceComponent: DemoEndPage { controller: win.controller }
        }
        PageHost {
            objectName: "closedHost"
            current: win.controller.page === Pages.Closed
            sourceComponent: ClosedPage { controller: win.controller }
        }
        PageHost {
            objectName: "interruptHost"
            current: win.controller.page === Pages.Interrupt
            sourceComponent: InterruptPage { controller: win.controller }
        }
    }

    IdleOverlay {
        anchors.fill: parent
        controller: win.controller
    }
    EndingOverlay {   // the schedule ends a visit politely (an interrupt, the closing)
        anchors.fill: parent
        controller: win.controller
    }
    // The keyboard never covers "are you still there?": while the question is up it steps
    // down (the field keeps its focus and what was typed), and when the visitor continues it
    // comes back to the same field. After the idle reset the page has gone, and so has it.
    property bool keyboardStepDown: false
    Connections {
        target: win.controller
        function onEndingChanged() {   // the visit is ending: the keyboard goes for good
            if (win.controller.ending && Qt.inputMethod.visible)
                Qt.inputMethod.hide()
        }
        function onIdleChanged() {
            if (win.controller.idleWarning) {
                if (!win.keyboardStepDown && Qt.inputMethod.visible) {
                    win.keyboardStepDown = true
                    Qt.inputMethod.hide()
                }
            } else if (win.keyboardStepDown) {
                win.keyboardStepDown = false
                if (win.controller.page === Pages.Demo && win.activeFocusItem
                        && (win.activeFocusItem.inputMethodHints !== undefined))
                    Qt.inputMethod.show()
            }
        }
    }

    // Created only when staff open it (the corner gesture), not at start-up.
    Loader {
        anchors.fill: parent
        z: 20
        active: win.admin !== null && win.admin.mode !== "closed"
        sourceComponent: AdminOverlay { admin: win.admin }
    }

    // The on-screen keyboard is only needed by demo forms. It is not made at start-up
    // (it costs ~80 ms): it is built in the background a few seconds after the first
    // frame, in small steps between frames, or at once if a demo opens before that.
    Loader {
        id: keyboardLoader
        objectName: "keyboardLoader"
        z: 10
        width: win.width
        asynchronous: true
        active: win.controller.keyboardWanted   // when: the controller's, on the session clock
        Connections {
            target: win.controller
            function onPageChanged() {
                if (win.controller.page === Pages.Demo)
                    keyboardLoader.asynchronous = false   // finishes a build under way
            }
        }
        source: Qt.resolvedUrl("Keyboard.qml")   // by URL: see Keyboard.qml
        onLoaded: {
            item.width = Qt.binding(() => win.width)
            item.locale = Qt.binding(() => Theme.rtl ? "ar_AR" : "en_GB")
        }
    }
}
