; Inno Setup script: the Windows installer of the desktop (Start-menu entry, uninstaller).
;
; On a Windows build machine, from the project's root:
;   pip install -c constraints.txt -e ".[server,packaging]"
;   pyinstaller --noconfirm --distpath build\dist --workpath build\work packaging\ecabinet.spec
;   iscc /DAppVersion=<the version printed by: python -c "import ecabinet; print(ecabinet.__version__)"> packaging\windows\ecabinet.iss
; (packaging\windows\build.ps1 does the three.) The version is never written here: it comes
; from ecabinet\__init__.py, the one place it lives.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\ecabinet.iss
#endif

[Setup]
AppId={{6C0E8E0B-4E0B-4C8F-9B63-2E7C3C1B8F21}
AppName=e-Cabinet
AppVersion={#AppVersion}
AppPublisher=Văn phòng Chính phủ
DefaultDirName={autopf}\e-Cabinet
DefaultGroupName=e-Cabinet
DisableProgramGroupPage=yes
; Per-machine: IT installs it once for every member of the laptop.
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\build\installer
OutputBaseFilename=ecabinet-{#AppVersion}-windows-x64-setup
SetupIconFile=ecabinet.ico
UninstallDisplayIcon={app}\ecabinet.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "vi"; MessagesFile: "compiler:Languages\Vietnamese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\build\dist\ecabinet\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\e-Cabinet"; Filename: "{app}\ecabinet.exe"
Name: "{group}\{cm:UninstallProgram,e-Cabinet}"; Filename: "{uninstallexe}"

[Registry]
; The organisation's CA for a server certified by the government PKI: IT sets the path
; at install (/CABUNDLE="C:\...\ca.pem"); empty means the system's own CAs.
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; \
    ValueType: expandsz; ValueName: "ECABINET_CA_BUNDLE"; ValueData: "{param:CABUNDLE}"; \
    Check: CaBundleGiven; Flags: uninsdeletevalue

[Run]
Filename: "{app}\ecabinet.exe"; Description: "{cm:LaunchProgram,e-Cabinet}"; Flags: nowait postinstall skipifsilent

[Code]
function CaBundleGiven(): Boolean;
begin
  Result := ExpandConstant('{param:CABUNDLE}') <> '';
end;
