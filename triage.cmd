@echo off
rem Starts Triage from a built checkout on Windows: no arguments opens the window, arguments run CLI commands.
rem Build first with: mvnw.cmd -q install -DskipTests
set "HERE=%~dp0"
set "JAR=%HERE%app\target\triage-app.jar"
if not exist "%JAR%" (
  echo triage: %JAR% is missing; build first with: mvnw.cmd -q install -DskipTests 1>&2
  exit /b 2
)
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java") else (set "JAVA=java")
rem Default heap 2 GiB (see ./triage); TRIAGE_JAVA_OPTS replaces it.
if not defined TRIAGE_JAVA_OPTS set "TRIAGE_JAVA_OPTS=-Xmx2g"
"%JAVA%" %TRIAGE_JAVA_OPTS% -cp "%JAR%;%HERE%app\target\lib\*" dev.triage.app.Launcher %*
