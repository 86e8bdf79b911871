import QtQuick
import KioskBackend

// The staff overlay: a PIN pad, then the admin panel. Opened by the hidden corner
// gesture (hold the top-left corner 3 s, then tap the bottom-right corner).
Rectangle {
    id: overlay
    objectName: "adminOverlay"
    property Admin admin: null
    readonly property string mode: admin ? admin.mode : "closed"
    property string entered: ""
    // Staff read the overlay in a language of their own (the kiosk's default at first);
    // switching it is not a visitor's action, and changes nothing behind the overlay.
    readonly property string lang: admin ? admin.language : Theme.language
    readonly property bool rtl: lang === "ar"
    function ui(ar, en) { return rtl ? ar : en }
    function tr(t) { return t ? (t[lang] || "") : "" }
    visible: mode !== "closed"
    color: Theme.overlayScrim
    onModeChanged: entered = ""

    component SHeading: Heading {
        font.family: overlay.rtl ? Theme.arabicHeadingFamily : Theme.latinFamily
    }
    component SBody: Body {
        font.family: overlay.rtl ? Theme.arabicFamily : Theme.latinFamily
    }
    component SCaption: Caption {
        font.family: overlay.rtl ? Theme.arabicFamily : Theme.latinFamily
    }
    component SButton: KButton {
        family: overlay.rtl ? Theme.arabicFamily : Theme.latinFamily
    }
    // Bundle ids, versions, paths and validation details are Latin text in either language.
    component Detail: Body {
        font.family: Theme.latinFamily
    }
    component StaffLanguage: KButton {
        objectName: "adminLanguage"
        label: overlay.rtl ? "English" : "العربية"
        family: overlay.rtl ? Theme.latinFamily : Theme.arabicFamily
        outlined: true
        onClicked: overlay.admin.toggleLanguage()
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
            SHeading {
                width: parent.width
                text: "رمز الموظفين  ·  Staff PIN"
                font.family: Theme.arabicHeadingFamily
                font.pixelSize: Theme.lead
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
            SCaption {
                objectName: "pinMessage"
                width: parent.width
                visible: text !== ""
                text: overlay.admin ? overlay.tr(overlay.admin.pinMessage) : ""
                color: Theme.error
                horizontalAlignment: Text.AlignHCenter
            }
            Grid {
                anchors.horizontalCenter: parent.horizontalCenter
                columns: 3
                spacing: Theme.px(16)
                LayoutMirroring.enabled: false   // a keypad keeps its layout in Arabic
                Repeater {
                    model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
                    delegate: SButton {
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
            Row {
                anchors.horizontalCenter: parent.horizontalCenter
                spacing: Theme.gap
                SButton {
                    objectName: "pinCancel"
                    label: overlay.ui("إلغاء", "Cancel")
                    outlined: true
                    onClicked: overlay.admin.close()
                }
                StaffLanguage {}
            }
        }
    }

    // --- panel -------------------------------------------------------------------------------
    Rectangle {
        objectName: "adminPanel"
        visible: overlay.mode === "panel"
        LayoutMirroring.enabled: overlay.rtl
        LayoutMirroring.childrenInherit: true
        anchors.fill: parent
        anchors.margins: Theme.px(40)
        radius: Theme.radius
        color: Theme.background

        Item {
            id: panelHeader
            anchors { top: parent.top; left: parent.left; right: parent.right; margins: Theme.px(40) }
            height: Math.max(panelTitle.implicitHeight, closeButton.height)
            SHeading {
                id: panelTitle
                objectName: "adminTitle"
                anchors { left: parent.left; right: panelLanguage.left; rightMargin: Theme.gap
                          verticalCenter: parent.verticalCenter }
                text: overlay.ui("إدارة الجهاز", "Kiosk administration")
            }
            StaffLanguage {
                id: panelLanguage
                anchors { right: closeButton.left; rightMargin: Theme.gap; verticalCenter: parent.verticalCenter }
            }
            SButton {
                id: closeButton
                objectName: "adminClose"
                anchors { right: parent.right; verticalCenter: parent.verticalCenter }
                label: overlay.ui("إغلاق", "Close")
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
                    SHeading { width: parent.width; text: overlay.ui("الحزمة المعروضة", "Bundle on show"); font.pixelSize: Theme.lead }
                    Detail {
                        objectName: "activeBundle"
                        width: parent.width
                        text: overlay.admin ? overlay.admin.activeTitle : ""
                        font.bold: true
                    }
                    SBody {
                        objectName: "activeDetail"
                        width: parent.width
                        text: overlay.admin ? overlay.tr(overlay.admin.activeDetail) : ""
                        color: Theme.muted
                    }
                    SButton {
                        objectName: "adminRollback"
                        label: overlay.ui("الرجوع إلى السابقة", "Roll back")
                        outlined: true
                        enabled: overlay.admin ? overlay.admin.canRollBack : false
                        opacity: enabled ? 1 : 0.4
                        onClicked: overlay.admin.rollback()
                    }
                    SBody {
                        objectName: "adminMessage"
                        width: parent.width
                        visible: text !== ""
                        text: overlay.admin ? overlay.tr(overlay.admin.messageText) : ""
                        color: Theme.primary
                    }
                    Repeater {
                        model: overlay.admin ? overlay.admin.warningTexts : []
                        delegate: SBody {
                            required property var modelData
                            width: parent.width
                            text: "⚠ " + overlay.tr(modelData)
                            color: Theme.error
                        }
                    }
                    SHeading { width: parent.width; text: overlay.ui("لغة البداية", "Default language"); font.pixelSize: Theme.body }
                    Row {
                        spacing: Theme.px(16)
                        SButton {
                            objectName: "adminLangAr"
                            label: "العربية"
                            family: Theme.arabicFamily
                            outlined: !overlay.admin || overlay.admin.defaultLanguage !== "ar"
                            onClicked: overlay.admin.setDefaultLanguage("ar")
                        }
                        SButton {
                            objectName: "adminLangEn"
                            label: "English"
                            family: Theme.latinFamily
                            outlined: !overlay.admin || overlay.admin.defaultLanguage !== "en"
                            onClicked: overlay.admin.setDefaultLanguage("en")
                        }
                    }
                    Flow {
                        width: parent.width
                        spacing: Theme.px(16)
                        SButton {
                            objectName: "adminRestart"
                            label: overlay.ui("إعادة تشغيل الجهاز", "Restart the kiosk")
                            outlined: true
                            onClicked: overlay.admin.restartKiosk()
                        }
                        SButton {
                            objectName: "adminExit"
                            label: overlay.ui("الخروج من وضع العرض", "Exit the kiosk")
                            fill: Theme.error
                            onClicked: overlay.admin.exitKiosk()
                        }
                    }
                }

                Column {
                    width: panelGrid.colWidth
                    spacing: Theme.px(16)
                    SHeading { width: parent.width; text: overlay.ui("أرقام اليوم", "Today"); font.pixelSize: Theme.lead }
                    SBody {
                        objectName: "adminFigures"
                        width: parent.width
                        text: overlay.admin ? overlay.tr(overlay.admin.figuresText) : ""
                    }
                    SHeading { width: parent.width; text: overlay.ui("حزم جديدة", "New bundles found"); font.pixelSize: Theme.lead }
                    SBody {
                        width: parent.width
                        visible: !overlay.admin || overlay.admin.foundBundles.length === 0
                        text: overlay.ui("لا توجد حزم في مجلدات الاستلام.", "No bundles in the drop folders.")
                        color: Theme.muted
                    }
                    Repeater {
                        model: overlay.admin ? overlay.admin.foundBundles : []
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
                                Detail {
                                    width: parent.width
                                    text: found.modelData.name + (found.modelData.title ? "  ·  " + found.modelData.title : "")
                                    font.bold: true
                                }
                                SBody {
                                    objectName: "foundState-" + found.index
                                    width: parent.width
                                    text: overlay.tr(found.modelData.state)
                                    color: found.modelData.valid ? Theme.primary : Theme.muted
                                }
                                Repeater {
                                    model: found.modelData.problems
                                    delegate: Detail {
                                        required property string modelData
                                        width: foundCol.width
                                        text: modelData
                                        font.pixelSize: Theme.caption
                                        color: Theme.error
                                    }
                                }
                                Flow {
                                    width: parent.width
                                    spacing: Theme.px(16)
                                    visible: found.modelData.valid && !overlay.admin.installing
                                    SButton {
                                        objectName: "adminInstall-" + found.index
                                        label: overlay.ui("تثبيت", "Install")
                                        onClicked: overlay.admin.install(found.modelData.path, false)
                                    }
                                    SButton {
                                        objectName: "adminForce-" + found.index
                                        label: overlay.ui("تثبيت رغم ذلك", "Install anyway")
                                        outlined: true
                                        onClicked: overlay.admin.install(found.modelData.path, true)
                                    }
                                }
                            }
                        }
                    }
                    Column {
                        visible: overlay.admin ? overlay.admin.installing : false
                        width: parent.width
                        spacing: Theme.px(12)
                        SBody {
                            width: parent.width
                            text: overlay.ui("جارٍ التثبيت: ", "Installing: ") + (overlay.admin ? overlay.admin.installingName : "")
                        }
                        Rectangle {
                            objectName: "installProgress"
                            width: parent.width; height: Theme.px(16); radius: height / 2
                            color: Theme.line
                            Rectangle {
                                width: parent.width * (overlay.admin ? overlay.admin.progress : 0)
                                height: parent.height; radius: height / 2
                                color: Theme.primary
                            }
                        }
                        SButton {
                            objectName: "adminCancelInstall"
                            label: overlay.ui("إلغاء التثبيت", "Cancel the install")
                            outlined: true
                            onClicked: overlay.admin.cancelInstall()
                        }
                    }
                }
            }
        }
    }
}
