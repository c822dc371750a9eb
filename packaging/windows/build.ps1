# Build the Windows installer: the PyInstaller folder, then Inno Setup around it.
# Run from the project's root in a virtual environment with ".[server,packaging]" installed.
$ErrorActionPreference = "Stop"
$version = python -c "import ecabinet; print(ecabinet.__version__)"
pyinstaller --noconfirm --clean --distpath build\dist --workpath build\work packaging\ecabinet.spec
iscc "/DAppVersion=$version" packaging\windows\ecabinet.iss
Write-Host "build\installer\ecabinet-$version-windows-x64-setup.exe"
