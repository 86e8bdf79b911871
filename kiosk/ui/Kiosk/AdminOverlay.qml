import QtQuick
import KioskBackend

// The staff overlay: a PIN pad, then the admin panel. Opened by the hidden corner
// gesture (hold the top-left corner 3 s, then tap the bottom-right corner).
Rectangle {
    id: overlay
    objectName: "adminOverlay"
    property Admin admin: null
    readonly property string mode: admin ? admin.mode : "closed"
    readonly property var panel: admin ? admin.panel : ({})
    property string entered: ""
    visible: mode !== "closed"
    color: Theme.overlayScrim
    onModeChanged: entered = ""

    component Label: Text {
        textFormat: Text.PlainText
        font.family: Theme.bodyFamily
        font.pixelSize: Theme.body
        color: Theme.text
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignLeft
    }

    // --- PIN pad -----------------------------------------------------------------------------
    Rectangle {
        objectName: "pinPad"
        visible: overlay.mode === "pin"
        anchors.centerIn: parent
        width: Theme.px(640)
        height: pinColumn.implicitHeight + Theme.px(80)
        radius: Theme.radius
        color: Theme.background
        Column {
            id: pinColumn
            anchors.centerIn: parent
            width: parent.width - Theme.px(80)
            spacing: Theme.px(24)
            Text {
                textFormat: Text.PlainText
                width: parent.width
                text: "رمز الموظفين  ·  Staff PIN"
                font.family: Theme.arabicFamily
                font.pixelSize: Theme.lead
                font.bold: true
                color: Theme.text
                horizontalAlignment: Text.AlignHCenter
            }
            Text {
                textFormat: Text.PlainText
                objectName: "pinDots"
                width: parent.width
                text: overlay.entered.length ? "●".repeat(overlay.entered.length) : " "
                font.pixelSize: Theme.px(48)
                color: Theme.primary
                horizontalAlignment: Text.AlignHCenter
            }
            Text {
                textFormat: Text.PlainText
                objectName: "pinMessage"
                width: parent.width
                visible: text !== ""
                text: overlay.admin ? overlay.admin.pinMessage : ""
                font.family: Theme.latinFamily
                font.pixelSize: Theme.caption
                color: Theme.error
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignHCenter
            }
            Grid {
                anchors.horizontalCenter: parent.horizontalCenter
                columns: 3
                spacing: Theme.px(16)
                LayoutMirroring.enabled: false   // a keypad keeps its layout in Arabic
                Repeater {
                    model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
                    delegate: KButton {
                        required property string modelData
                        objectName: "pinKey-" + modelData
                        width: Theme.px(150)
                        height: Theme.px(100)
                        radius: Theme.px(16)
                        label: modelData
                        family: Theme.latinFamily
                        fontSize: Theme.px(40)
                        outlined: modelData !== "OK"
                        onClicked: {
                            if (modelData === "⌫") overlay.entered = overlay.entered.slice(0, -1)
                            else if (modelData === "OK") { overlay.admin.submitPin(overlay.entered); overlay.entered = "" }
                            else if (overlay.entered.length < overlay.admin.pinMaxLength) overlay.entered += modelData
                        }
                    }
                }
            }
            KButton {
                objectName: "pinCancel"
                anchors.horizontalCenter: parent.horizontalCenter
                label: Theme.ui("إلغاء", "Cancel")
                outlined: true
                onClicked: overlay.admin.close()
            }
        }
    }

    // --- panel -------------------------------------------------------------------------------
    Rectangle {
        objectName: "adminPanel"
        visible: overlay.mode === "panel"
        LayoutMirroring.enabled: Theme.rtl
        LayoutMirroring.childrenInherit: true
        anchors.fill: parent
        anchors.margins: Theme.px(40)
        radius: Theme.radius
        color: Theme.background

        Row {
            id: panelHeader
            anchors { top: parent.top; left: parent.left; right: parent.right; margins: Theme.px(40) }
            spacing: Theme.px(24)
            Text {
                textFormat: Text.PlainText
                width: parent.width - closeButton.width - Theme.px(24)
                text: Theme.ui("إدارة الجهاز", "Kiosk administration")
                font.family: Theme.headingFamily
                font.pixelSize: Theme.heading
                font.bold: true
                color: Theme.text
                horizontalAlignment: Text.AlignLeft
            }
            KButton {
                id: closeButton
                objectName: "adminClose"
                label: Theme.ui("إغلاق", "Close")
                onClicked: overlay.admin.close()
            }
        }

        Flickable {
            anchors { top: panelHeader.bottom; left: parent.left; right: parent.right; bottom: parent.bottom
                      margins: Theme.px(40) }
            contentHeight: panelGrid.height
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            Grid {
                id: panelGrid
                width: parent.width
                columns: overlay.width > overlay.height ? 2 : 1
                columnSpacing: Theme.px(48)
                rowSpacing: Theme.px(32)
                readonly property real colWidth: panelGrid.columns === 2 ? (width - columnSpacing) / 2 : width

                Column {
                    width: panelGrid.colWidth
                    spacing: Theme.px(16)
                    Label { text: Theme.ui("الحزمة المعروضة", "Bundle on show"); font.bold: true; font.pixelSize: Theme.lead }
                    Label {
                        objectName: "activeBundle"
                        width: parent.width
                        readonly property var a: overlay.panel.active || ({})
                        text: (a.id || "") + " " + (a.version || "") + "\n" + (a.signature || "")
                              + (a.installed ? "\ninstalled " + a.installed : "")
                        font.family: Theme.latinFamily
                    }
                    Row {
                        spacing: Theme.px(16)
                        KButton {
                            objectName: "adminRollback"
                            label: Theme.ui("الرجوع إلى السابقة", "Roll back")
                            outlined: true
                            enabled: (overlay.panel.previous || "") !== ""
                            opacity: enabled ? 1 : 0.4
                            onClicked: overlay.admin.rollback()
                        }
                    }
                    Label {
                        objectName: "adminMessage"
                        width: parent.width
                        visible: text !== ""
                        text: overlay.panel.message || ""
                        font.family: Theme.latinFamily
                        color: Theme.primary
                    }
                    Repeater {
                        model: overlay.panel.warnings || []
                        delegate: Label {
                            required property string modelData
                            width: parent.width
                            text: "⚠ " + modelData
                            font.family: Theme.latinFamily
                            color: Theme.error
                        }
                    }
                    Label { text: Theme.ui("لغة البداية", "Default language"); font.bold: true }
                    Row {
                        spacing: Theme.px(16)
                        KButton {
                            objectName: "adminLangAr"
                            label: "العربية"
                            family: Theme.arabicFamily
                            outlined: overlay.panel.defaultLanguage !== "ar"
                            onClicked: overlay.admin.setDefaultLanguage("ar")
                        }
                        KButton {
                            objectName: "adminLangEn"
                            label: "English"
                            family: Theme.latinFamily
                            outlined: overlay.panel.defaultLanguage !== "en"
                            onClicked: overlay.admin.setDefaultLanguage("en")
                        }
                    }
                    Row {
                        spacing: Theme.px(16)
                        KButton {
                            objectName: "adminRestart"
                            label: Theme.ui("إعادة تشغيل الجهاز", "Restart the kiosk")
                            outlined: true
                            onClicked: overlay.admin.restartKiosk()
                        }
                        KButton {
                            objectName: "adminExit"
                            label: Theme.ui("الخروج من وضع العرض", "Exit the kiosk")
                            fill: Theme.error
                            onClicked: overlay.admin.exitKiosk()
                        }
                    }
                }

                Column {
                    width: panelGrid.colWidth
                    spacing: Theme.px(16)
                    Label { text: Theme.ui("أرقام اليوم", "Today"); font.bold: true; font.pixelSize: Theme.lead }
                    Label {
                        objectName: "adminFigures"
                        width: parent.width
                        readonly property var f: overlay.panel.figures || ({})
                        text: (f.sessions !== undefined ? f.sessions : "…") + " " + Theme.ui("زيارات", "visitor sessions")
                              + "  ·  " + (overlay.panel.eventsLogged || 0) + " " + Theme.ui("حدثًا سُجّل منذ التشغيل", "events logged since start")
                              + ((f.top || []).length ? "\n" + (f.top || []).map(t => Theme.tr(t) + " (" + t.views + ")").join("، ") : "")
                    }
                    Label { text: Theme.ui("حزم جديدة", "New bundles found"); font.bold: true; font.pixelSize: Theme.lead }
                    Label {
                        width: parent.width
                        visible: (overlay.panel.found || []).length === 0
                        text: Theme.ui("لا توجد حزم في مجلدات الاستلام.", "No bundles in the drop folders.")
                        color: Theme.muted
                    }
                    Repeater {
                        model: overlay.panel.found || []
                        delegate: Rectangle {
                            id: found
                            required property var modelData
                            required property int index
                            width: parent.width
                            height: foundCol.implicitHeight + Theme.px(32)
                            radius: Theme.px(12)
                            color: Theme.surface
                            Column {
                                id: foundCol
                                anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.px(16) }
                                spacing: Theme.px(8)
                                Label {
                                    width: parent.width
                                    text: found.modelData.name + "  " + (found.modelData.valid ? "✓ valid" : "")
                                    font.family: Theme.latinFamily
                                    font.bold: true
                                }
                                Repeater {
                                    model: found.modelData.problems
                                    delegate: Label {
                                        required property string modelData
                                        width: foundCol.width
                                        text: modelData
                                        font.family: Theme.latinFamily
                                        font.pixelSize: Theme.caption
                                        color: Theme.error
                                    }
                                }
                                Row {
                                    spacing: Theme.px(16)
                                    visible: found.modelData.valid && !overlay.panel.busy
                                    KButton {
                                        objectName: "adminInstall-" + found.index
                                        label: Theme.ui("تثبيت", "Install")
                                        onClicked: overlay.admin.install(found.modelData.path, false)
                                    }
                                    KButton {
                                        objectName: "adminForce-" + found.index
                                        label: Theme.ui("تثبيت رغم ذلك", "Install anyway")
                                        outlined: true
                                        onClicked: overlay.admin.install(found.modelData.path, true)
                                    }
                                }
                            }
                        }
                    }
                    Column {
                        visible: overlay.panel.busy || false
                        width: parent.width
                        spacing: Theme.px(12)
                        Label { text: Theme.ui("جارٍ التثبيت: ", "Installing: ") + (overlay.panel.installing || ""); font.family: Theme.latinFamily }
                        Rectangle {
                            objectName: "installProgress"
                            width: parent.width; height: Theme.px(16); radius: height / 2
                            color: Theme.line
                            Rectangle {
                                width: parent.width * (overlay.panel.progress || 0)
                                height: parent.height; radius: height / 2
                                color: Theme.primary
                            }
                        }
                        KButton {
                            objectName: "adminCancelInstall"
                            label: Theme.ui("إلغاء التثبيت", "Cancel the install")
                            outlined: true
                            onClicked: overlay.admin.cancelInstall()
                        }
                    }
                }
            }
        }
    }
}
