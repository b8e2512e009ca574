<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Banner</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="111"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <location filename="../../app/ui/diagnostics_dialog.py" line="28"/>
        <source>Live connections opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/diagnostics_dialog.py" line="29"/>
        <source>Live connection failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/diagnostics_dialog.py" line="30"/>
        <source>Reconnects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/diagnostics_dialog.py" line="31"/>
        <source>Fallbacks to polling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/diagnostics_dialog.py" line="32"/>
        <source>Status checks (polls)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/diagnostics_dialog.py" line="33"/>
        <source>Failed status checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/diagnostics_dialog.py" line="34"/>
        <source>Events received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/diagnostics_dialog.py" line="35"/>
        <source>Events skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/diagnostics_dialog.py" line="36"/>
        <source>Downloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/diagnostics_dialog.py" line="37"/>
        <source>Download retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/diagnostics_dialog.py" line="38"/>
        <source>Bytes downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/diagnostics_dialog.py" line="54"/>
        <source>Diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/diagnostics_dialog.py" line="66"/>
        <source>Framecast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/diagnostics_dialog.py" line="67"/>
        <source>Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/diagnostics_dialog.py" line="75"/>
        <source>Not logging to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/diagnostics_dialog.py" line="78"/>
        <source>Log file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/diagnostics_dialog.py" line="80"/>
        <source>Open log file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/diagnostics_dialog.py" line="85"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../app/ui/errors.py" line="36"/>
        <source>The server did not accept your API token. Open Settings and check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="40"/>
        <source>Your account has no credits left for this video. Top up your balance, or choose a shorter or cheaper model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="47"/>
        <source>The server refused these settings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="50"/>
        <source>The server refused these settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="52"/>
        <source>The server asked us to slow down. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="54"/>
        <source>Can&apos;t reach the server right now. Check your connection; Framecast will keep trying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="60"/>
        <source>Something went wrong. The details are in the log file (Help → Diagnostics).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="68"/>
        <source>Open Settings and check your API token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="70"/>
        <source>Your account has no credits left. Top up, or choose a cheaper model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="74"/>
        <source>The server could not be reached. Press Retry when you are back online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="87"/>
        <source>Framecast</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../app/ui/history_panel.py" line="63"/>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="64"/>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="65"/>
        <source>Rendering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="66"/>
        <source>Downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="67"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="68"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="69"/>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="80"/>
        <source>Today %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="226"/>
        <location filename="../../app/ui/history_panel.py" line="247"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="233"/>
        <source>Search history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="234"/>
        <source>Search prompts and models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="259"/>
        <location filename="../../app/ui/history_panel.py" line="330"/>
        <source>No videos yet.
Everything you generate is kept here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="264"/>
        <location filename="../../app/ui/history_panel.py" line="266"/>
        <location filename="../../app/ui/history_panel.py" line="373"/>
        <source>Use these settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="269"/>
        <location filename="../../app/ui/history_panel.py" line="271"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="327"/>
        <source>Nothing matches this search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="370"/>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="375"/>
        <source>Show in folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="378"/>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageDropZone</name>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="200"/>
        <source>Source picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="213"/>
        <source>Drop a picture here or click to choose
JPEG, PNG or WebP, up to 10 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="220"/>
        <location filename="../../app/ui/prompt_form.py" line="221"/>
        <source>Remove picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="281"/>
        <source>Choose a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="283"/>
        <source>Pictures (*.jpg *.jpeg *.png *.webp)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="209"/>
        <location filename="../../app/ui/main_window.py" line="424"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="220"/>
        <source>Backend status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="221"/>
        <location filename="../../app/ui/main_window.py" line="223"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="226"/>
        <source>Settings (Ctrl+,)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="312"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="314"/>
        <source>Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="317"/>
        <source>New prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="320"/>
        <source>Search history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="324"/>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="327"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="330"/>
        <source>&amp;Playback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="331"/>
        <source>Play / Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="334"/>
        <source>Fullscreen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="337"/>
        <source>Loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="338"/>
        <source>Mute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="340"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="341"/>
        <source>Diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="343"/>
        <location filename="../../app/ui/main_window.py" line="871"/>
        <source>About Framecast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="422"/>
        <source>Starting the built-in renderer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="443"/>
        <source>Built-in renderer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="445"/>
        <source>SuperDuperAI cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="447"/>
        <source>Custom server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="451"/>
        <location filename="../../app/ui/main_window.py" line="463"/>
        <location filename="../../app/ui/main_window.py" line="479"/>
        <location filename="../../app/ui/main_window.py" line="856"/>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="455"/>
        <source>The built-in renderer did not start: %1
Try again, or choose another backend in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="461"/>
        <location filename="../../app/ui/main_window.py" line="483"/>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="474"/>
        <source>Sign-in needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="478"/>
        <source>Models unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="503"/>
        <source>Generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="539"/>
        <source>The server did not accept your API token. Paste a valid token in Settings to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="541"/>
        <source>Token refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="542"/>
        <source>Open Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="560"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="571"/>
        <source>Not connected to a backend yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="599"/>
        <source>In progress (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="601"/>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="609"/>
        <source>New video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="629"/>
        <source>Your video is ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="635"/>
        <source>A video failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="659"/>
        <source>Cancel this video?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="660"/>
        <source>Stop following this video?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="663"/>
        <source>The service has no way to stop a render once it has started, so the server may still finish it (and charge for it). Framecast will stop waiting for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="667"/>
        <source>Stop following</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="668"/>
        <source>Keep waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="689"/>
        <location filename="../../app/ui/main_window.py" line="759"/>
        <source>The settings of this video were not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="734"/>
        <source>This video failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="751"/>
        <source>The video file is missing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="775"/>
        <source>Delete video?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="776"/>
        <source>Delete this video and its file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="778"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="779"/>
        <source>Keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="837"/>
        <source>Settings could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="876"/>
        <source>A desktop studio for AI video generation: type a prompt, watch it render, play the video.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlayerView</name>
    <message>
        <location filename="../../app/ui/player.py" line="101"/>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="107"/>
        <source>Poster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="122"/>
        <location filename="../../app/ui/player.py" line="360"/>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="127"/>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="135"/>
        <source>Loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="139"/>
        <location filename="../../app/ui/player.py" line="355"/>
        <source>Mute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="144"/>
        <source>Volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="149"/>
        <source>Fullscreen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="152"/>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="154"/>
        <source>Show in folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="156"/>
        <source>Copy link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="227"/>
        <source>Your video is on its way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="229"/>
        <source>It will play here as soon as it is ready.
Meanwhile you can write the next prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="232"/>
        <source>Your video will play here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="234"/>
        <source>Describe a scene on the left and press Generate.
You can keep working while it renders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="355"/>
        <source>Unmute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="360"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="389"/>
        <source>This video could not be played: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="398"/>
        <source>Save video as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="400"/>
        <source>MP4 video (*.mp4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="416"/>
        <source>Could not save the copy: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressCard</name>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="44"/>
        <location filename="../../app/ui/progress_panel.py" line="135"/>
        <source>Sending your prompt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="46"/>
        <source>Waiting in the queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="49"/>
        <source>Rendering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="51"/>
        <source>Rendering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="54"/>
        <source>Downloading the video…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="56"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="58"/>
        <source>Stopped following this job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="59"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="65"/>
        <source>Offline · will keep trying</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/progress_panel.py" line="68"/>
        <source>Checking every %n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="71"/>
        <source>Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="73"/>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="74"/>
        <location filename="../../app/ui/progress_panel.py" line="130"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="120"/>
        <source>Generation in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="132"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="137"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="147"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="152"/>
        <location filename="../../app/ui/progress_panel.py" line="154"/>
        <source>Check now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="156"/>
        <source>Ask the server for this job&apos;s status right away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="159"/>
        <location filename="../../app/ui/progress_panel.py" line="161"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="164"/>
        <source>Stop following this job. The server may still finish it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="168"/>
        <location filename="../../app/ui/progress_panel.py" line="170"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="174"/>
        <location filename="../../app/ui/progress_panel.py" line="176"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="216"/>
        <source>Rendering · %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="218"/>
        <source>Downloading the video · %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="222"/>
        <source>The server did not say why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="223"/>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="276"/>
        <source>%1 · about %2 left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="293"/>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="297"/>
        <source>Active generations</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromptForm</name>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="79"/>
        <source>Extreme long shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="80"/>
        <source>Long shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="81"/>
        <source>Medium shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="82"/>
        <source>Medium close-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="83"/>
        <source>Close-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="84"/>
        <source>Extreme close-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="85"/>
        <source>Two shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="86"/>
        <source>Detail shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="93"/>
        <location filename="../../app/ui/prompt_form.py" line="111"/>
        <location filename="../../app/ui/prompt_form.py" line="589"/>
        <source>Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="104"/>
        <source>Image → video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="106"/>
        <source>Text → video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="109"/>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="176"/>
        <source>Can&apos;t read this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="178"/>
        <source>Use a JPEG, PNG or WebP picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="180"/>
        <source>This picture is larger than 10 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="183"/>
        <location filename="../../app/ui/prompt_form.py" line="258"/>
        <source>This picture could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="318"/>
        <source>Describe your video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="323"/>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="326"/>
        <source>A lighthouse on a cliff at dusk, waves crashing below, warm light sweeping through the fog…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="340"/>
        <location filename="../../app/ui/prompt_form.py" line="453"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="341"/>
        <source>Loading models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="352"/>
        <location filename="../../app/ui/prompt_form.py" line="457"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="357"/>
        <source>Aspect ratio and resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="365"/>
        <location filename="../../app/ui/prompt_form.py" line="462"/>
        <source>Style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="366"/>
        <location filename="../../app/ui/prompt_form.py" line="561"/>
        <source>No style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="370"/>
        <location filename="../../app/ui/prompt_form.py" line="478"/>
        <source>Shot size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="371"/>
        <source>Any shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="377"/>
        <source>Frames per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="379"/>
        <source>%1 fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="383"/>
        <location filename="../../app/ui/prompt_form.py" line="463"/>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="387"/>
        <source>The same seed and settings give the same video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="390"/>
        <location filename="../../app/ui/prompt_form.py" line="391"/>
        <source>New random seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="397"/>
        <source>Source picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="402"/>
        <location filename="../../app/ui/prompt_form.py" line="483"/>
        <source>Negative prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="403"/>
        <source>What the video should not show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="409"/>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="410"/>
        <source>Advanced settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="418"/>
        <source>Estimated cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="421"/>
        <source>What to fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="425"/>
        <location filename="../../app/ui/prompt_form.py" line="427"/>
        <location filename="../../app/ui/prompt_form.py" line="718"/>
        <source>Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="431"/>
        <source>Generate (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="458"/>
        <source>Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="479"/>
        <source>Frame rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="551"/>
        <source>No models available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="579"/>
        <source>Durations: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="581"/>
        <source>Needs a VIP account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="585"/>
        <source>Animates a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="585"/>
        <source>Text to video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="587"/>
        <source>%1 per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="592"/>
        <source>★ VIP only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="614"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="661"/>
        <source>Waiting for the list of models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="663"/>
        <source>Choose a model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="666"/>
        <source>Describe the video you want to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="668"/>
        <source>The prompt is too long: shorten it to %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="674"/>
        <source>This model does not offer that duration. Choose %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="679"/>
        <source>Checking the picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="683"/>
        <source>This model animates a picture: add one above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="714"/>
        <source>Estimated cost: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="718"/>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="760"/>
        <source>%1 s (not offered)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="62"/>
        <location filename="../../app/ui/settings_dialog.py" line="63"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="75"/>
        <source>Built-in local renderer (works offline, free)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="77"/>
        <source>SuperDuperAI cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="79"/>
        <source>Custom server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="87"/>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="92"/>
        <location filename="../../app/ui/settings_dialog.py" line="165"/>
        <source>API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="98"/>
        <location filename="../../app/ui/settings_dialog.py" line="100"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="109"/>
        <source>Download folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="110"/>
        <source>Framecast&apos;s own folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="111"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="112"/>
        <source>Choose download folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="118"/>
        <location filename="../../app/ui/settings_dialog.py" line="169"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="119"/>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="125"/>
        <source>A new language applies the next time Framecast starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="130"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="135"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="164"/>
        <source>Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="168"/>
        <source>Videos folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="233"/>
        <source>The built-in renderer needs no token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="236"/>
        <source>Enter the server&apos;s address, such as https://example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="245"/>
        <source>Saved — paste a new token to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="247"/>
        <source>Paste your API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="249"/>
        <source>Kept in your system keyring, never in plain settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="257"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="261"/>
        <source>The built-in renderer starts with the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="267"/>
        <source>That address is not an http(s) URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="286"/>
        <source>The connection failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/settings_dialog.py" line="295"/>
        <source>Connected: %n model(s) available.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="297"/>
        <source>Balance: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="302"/>
        <source>Choose where videos are saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="313"/>
        <source>Enter the custom server&apos;s address (http:// or https://).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="314"/>
        <source>Leave the user name and password out of the address: paste your API token in the API token field instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="323"/>
        <source>The token could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
