@echo off
rem Weir launcher for Windows: builds on first use, then runs the JVM. Needs a JDK 21+ in JAVA_HOME.
setlocal EnableDelayedExpansion
set "HERE=%~dp0"
if "%JAVA_HOME%"=="" (
  echo weir: set JAVA_HOME to a JDK 21 or newer 1>&2
  exit /b 1
)
"%JAVA_HOME%\bin\java" -XshowSettings:properties -version 2>&1 | findstr /R /C:"java.specification.version = [2-9][0-9]" >nul
if errorlevel 1 (
  echo weir: JAVA_HOME=%JAVA_HOME% is older than Java 21; point it at a JDK 21 or newer 1>&2
  exit /b 1
)
if not exist "%HERE%app\target\weir-app.jar" (
  echo weir: building, this takes a minute the first time... 1>&2
  pushd "%HERE%"
  call mvnw.cmd -B -q -DskipTests -Dmaven.test.skip=true -pl app -am package 1>&2
  if errorlevel 1 ( popd & echo weir: the build failed 1>&2 & exit /b 1 )
  popd
)
set "OPTS="
for /f "usebackq eol=# tokens=*" %%o in ("%HERE%app\src\main\jvm\weir.jvmopts") do set "OPTS=!OPTS! %%o"
"%JAVA_HOME%\bin\java" %OPTS% --module-path "%HERE%app\target\lib\javafx" -cp "%HERE%app\target\weir-app.jar;%HERE%app\target\lib\*" dev.weir.app.Main %*
exit /b %ERRORLEVEL%
