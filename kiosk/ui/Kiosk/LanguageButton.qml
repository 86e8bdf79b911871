import QtQuick
import KioskBackend

// Shows the language you switch *to*, in that language.
KButton {
    id: button
    required property Controller controller
    objectName: "languageButton"
    label: Theme.rtl ? "English" : "العربية"
    fill: Theme.primaryInk
    ink: Theme.primary
    implicitWidth: Theme.px(220)
    family: Theme.rtl ? Theme.latinFamily : Theme.arabicFamily
    onClicked: controller.toggleLanguage()
}
