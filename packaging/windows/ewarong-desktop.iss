; Inno Setup 6 script: the Windows installer of e-Warong Desktop.
;
; Built by `python packaging/build.py --installer` on Windows (or the workflow in
; .github/workflows/windows.yml), which passes the version and the folders:
;   iscc /DAppVersion=0.1.0 /DBundleDir=...\dist\ewarong-desktop /DOutputDir=...\dist
;        /DRepoRoot=... packaging\windows\ewarong-desktop.iss
;
; - Installs for the current user only, without administrator rights, into
;   %LOCALAPPDATA%\Programs\e-Warong Desktop (an administrator may choose all users).
; - A Start-menu entry, an optional desktop shortcut, an uninstaller in "Apps".
; - .ewarong files open the program's receive dialog (ewarong-desktop.exe --receive "%1").
; - The user's data (%LOCALAPPDATA%\ewarong\ewarong-desktop: database, backups, logs) is
;   never written by the installer and never removed by the uninstaller.
; - Silent install for IT officers: setup.exe /VERYSILENT /SUPPRESSMSGBOXES /CURRENTUSER

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef RepoRoot
  #define RepoRoot "..\.."
#endif
#ifndef BundleDir
  #define BundleDir RepoRoot + "\dist\ewarong-desktop"
#endif
#ifndef OutputDir
  #define OutputDir RepoRoot + "\dist"
#endif

[Setup]
; The AppId identifies the program across versions: an update installs over it. Never change it.
AppId={{6F1C2B1E-4E0A-4C55-9B2E-EA0C8D2F7A31}
AppName=e-Warong Desktop
AppVersion={#AppVersion}
AppVerName=e-Warong Desktop {#AppVersion}
AppPublisher=e-Warong Desktop
DefaultDirName={autopf}\e-Warong Desktop
DefaultGroupName=e-Warong Desktop
DisableProgramGroupPage=yes
; Per user, no administrator rights; the dialog lets an administrator install for everyone.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=ewarong-desktop-{#AppVersion}-setup
SetupIconFile={#RepoRoot}\resources\icons\ewarong-desktop.ico
UninstallDisplayIcon={app}\ewarong-desktop.exe
UninstallDisplayName=e-Warong Desktop
LicenseFile={#RepoRoot}\LICENSE
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
; An update while the program is open: ask to close it rather than leave old files behind.
CloseApplications=yes
RestartApplications=no

[Languages]
; Inno Setup ships no Indonesian translation of its own dialogs (only an unofficial one);
; the installer's few pages are in English, the program itself starts in Indonesian.
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An update replaces the whole program folder, so no file of an older version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\e-Warong Desktop"; Filename: "{app}\ewarong-desktop.exe"
Name: "{group}\{cm:UninstallProgram,e-Warong Desktop}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\e-Warong Desktop"; Filename: "{app}\ewarong-desktop.exe"; Tasks: desktopicon

[Registry]
; .ewarong -> e-Warong Desktop's receive dialog. HKA is HKCU for a per-user install, HKLM for all users.
Root: HKA; Subkey: "Software\Classes\.ewarong"; ValueType: string; ValueName: ""; ValueData: "eWarongDesktop.Exchange"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.ewarong\OpenWithProgids"; ValueType: string; ValueName: "eWarongDesktop.Exchange"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\eWarongDesktop.Exchange"; ValueType: string; ValueName: ""; ValueData: "e-Warong Desktop exchange file"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\eWarongDesktop.Exchange\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\ewarong-desktop.exe,0"
Root: HKA; Subkey: "Software\Classes\eWarongDesktop.Exchange\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\ewarong-desktop.exe"" --receive ""%1"""

[Run]
Filename: "{app}\ewarong-desktop.exe"; Description: "{cm:LaunchProgram,e-Warong Desktop}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] for the data folder: the database, its backups and the logs in
; %LOCALAPPDATA%\ewarong\ewarong-desktop stay when the program is removed.
