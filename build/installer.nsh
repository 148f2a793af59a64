; Dispatch Desk: additions to electron-builder's NSIS installer (included through nsis.include in
; electron-builder.yml). Saved as UTF-8 with a byte-order mark: NSIS reads a BOM-less file in the
; build machine's ANSI code page and would garble the Chinese strings.
;
; 1. Click-to-dial registration, per user (HKCU through SHELL_CONTEXT on a per-user install).
;    app.setAsDefaultProtocolClient('tel') alone does not list the app in Windows' "Default apps"
;    (a known Electron limitation): Windows wants a ProgID, a Capabilities key with
;    URLAssociations and an entry under RegisteredApplications. tel: and callto: are offered, not
;    taken: the user picks Dispatch Desk in Settings > Default apps. dispatchdesk: is ours outright.
; 2. "Remove my data": the data folder survives upgrades and uninstalls (deleteAppDataOnUninstall:
;    false); the uninstaller asks on its own page, unticked by default, and never during an upgrade
;    or a silent uninstall.

!define DD_PROGID "DispatchDesk.Link"
!define DD_CAPABILITIES "Software\DispatchDesk\Capabilities"

!ifndef BUILD_UNINSTALLER
LangString ddLinkDescription ${LANG_ENGLISH} "Dispatch Desk: dial a phone number"
LangString ddLinkDescription ${LANG_SIMPCHINESE} "专线调度台：拨打电话号码"

!macro customInstall
  WriteRegStr SHELL_CONTEXT "Software\Classes\${DD_PROGID}" "" "$(ddLinkDescription)"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${DD_PROGID}" "FriendlyTypeName" "$(ddLinkDescription)"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${DD_PROGID}\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${DD_PROGID}\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'

  WriteRegStr SHELL_CONTEXT "${DD_CAPABILITIES}" "ApplicationName" "专线调度台 Dispatch Desk"
  WriteRegStr SHELL_CONTEXT "${DD_CAPABILITIES}" "ApplicationDescription" "$(ddLinkDescription)"
  WriteRegStr SHELL_CONTEXT "${DD_CAPABILITIES}" "ApplicationIcon" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHELL_CONTEXT "${DD_CAPABILITIES}\URLAssociations" "tel" "${DD_PROGID}"
  WriteRegStr SHELL_CONTEXT "${DD_CAPABILITIES}\URLAssociations" "callto" "${DD_PROGID}"
  WriteRegStr SHELL_CONTEXT "${DD_CAPABILITIES}\URLAssociations" "dispatchdesk" "${DD_PROGID}"
  WriteRegStr SHELL_CONTEXT "Software\RegisteredApplications" "DispatchDesk" "${DD_CAPABILITIES}"

  WriteRegStr SHELL_CONTEXT "Software\Classes\dispatchdesk" "" "URL:Dispatch Desk"
  WriteRegStr SHELL_CONTEXT "Software\Classes\dispatchdesk" "URL Protocol" ""
  WriteRegStr SHELL_CONTEXT "Software\Classes\dispatchdesk\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\dispatchdesk\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
  ; Tell Explorer the associations changed.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, i 0, i 0)'
!macroend
!endif

!ifdef BUILD_UNINSTALLER
  !include nsDialogs.nsh

  Var ddRemoveDataCheckbox
  Var ddRemoveData

  LangString ddRemoveDataTitle ${LANG_ENGLISH} "Your data"
  LangString ddRemoveDataTitle ${LANG_SIMPCHINESE} "您的数据"
  LangString ddRemoveDataText ${LANG_ENGLISH} "Contacts, groups, the call log, settings and the encrypted account are kept, so a reinstall finds them again."
  LangString ddRemoveDataText ${LANG_SIMPCHINESE} "联系人、分组、通话记录、设置和加密的账号会被保留，重新安装后仍可使用。"
  LangString ddRemoveDataBox ${LANG_ENGLISH} "Also remove my data (cannot be undone)"
  LangString ddRemoveDataBox ${LANG_SIMPCHINESE} "同时删除我的数据（无法恢复）"

  Function un.ddRemoveDataPage
    StrCpy $ddRemoveData ${BST_UNCHECKED}
    ; An upgrade runs the old uninstaller with --updated: never ask, never delete.
    ${if} ${isUpdated}
      Abort
    ${endif}
    !insertmacro MUI_HEADER_TEXT "$(ddRemoveDataTitle)" ""
    nsDialogs::Create 1018
    Pop $0
    ${NSD_CreateLabel} 0 0 100% 40u "$(ddRemoveDataText)"
    Pop $0
    ${NSD_CreateCheckbox} 0 48u 100% 14u "$(ddRemoveDataBox)"
    Pop $ddRemoveDataCheckbox
    ${NSD_SetState} $ddRemoveDataCheckbox ${BST_UNCHECKED}
    nsDialogs::Show
  FunctionEnd

  Function un.ddRemoveDataLeave
    ${NSD_GetState} $ddRemoveDataCheckbox $ddRemoveData
  FunctionEnd

  !macro customUnWelcomePage
    !insertmacro MUI_UNPAGE_WELCOME
    UninstPage custom un.ddRemoveDataPage un.ddRemoveDataLeave
  !macroend

  !macro customUnInstall
    ${ifNot} ${isUpdated}
      DeleteRegKey SHELL_CONTEXT "Software\Classes\${DD_PROGID}"
      DeleteRegKey SHELL_CONTEXT "Software\Classes\dispatchdesk"
      DeleteRegKey SHELL_CONTEXT "Software\DispatchDesk"
      DeleteRegValue SHELL_CONTEXT "Software\RegisteredApplications" "DispatchDesk"
      ${if} $ddRemoveData == ${BST_CHECKED}
        ; Electron keeps userData per user, named after productName.
        SetShellVarContext current
        RMDir /r "$APPDATA\${APP_FILENAME}"
        !ifdef APP_PRODUCT_FILENAME
          RMDir /r "$APPDATA\${APP_PRODUCT_FILENAME}"
        !endif
      ${endif}
    ${endif}
  !macroend
!endif
