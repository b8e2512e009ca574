<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Banner</name>
    <message>
        <location filename="../../app/ui/banner.py" line="26"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <location filename="../../app/ui/wording.py" line="181"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="186"/>
        <source>Built-in renderer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="188"/>
        <source>SuperDuperAI cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="190"/>
        <source>Custom server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="205"/>
        <source>Starting the built-in renderer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="210"/>
        <source>Token refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="215"/>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="223"/>
        <source>The built-in renderer did not start. Try again, or choose another backend in Settings. The details are in the log file (Help → Diagnostics).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="234"/>
        <source>Sign-in needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="236"/>
        <source>Models unavailable</source>
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
        <location filename="../../app/ui/wording.py" line="261"/>
        <source>Your account has no credits left for this video. Top up your balance, or choose a shorter or cheaper model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="254"/>
        <source>The server refused these settings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="252"/>
        <source>The render failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="256"/>
        <source>The server did not accept your API token. Paste a valid token in Settings to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="266"/>
        <source>The server refused these settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="270"/>
        <source>The render failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="271"/>
        <source>The server no longer knows this video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="272"/>
        <source>The finished video could not be downloaded or does not play. Press Retry to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="277"/>
        <source>The video took longer than Framecast could wait.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="278"/>
        <source>Framecast was closed before the server confirmed this video, so it may not have started. Press Retry to send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="298"/>
        <source>The server asked us to slow down. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="300"/>
        <source>Can&apos;t reach the server right now. Check your connection; Framecast will keep trying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="312"/>
        <source>Not connected to a backend yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="314"/>
        <source>The settings of this video were not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="316"/>
        <source>The video file is missing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="320"/>
        <source>Settings could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="288"/>
        <source>Something went wrong. The details are in the log file (Help → Diagnostics).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="267"/>
        <source>The server could not be reached. Press Retry when you are back online.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../app/ui/history_panel.py" line="231"/>
        <location filename="../../app/ui/history_panel.py" line="248"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="238"/>
        <source>Search history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="239"/>
        <source>Search prompts and models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="331"/>
        <source>No videos yet.
Everything you generate is kept here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="266"/>
        <location filename="../../app/ui/history_panel.py" line="268"/>
        <location filename="../../app/ui/history_panel.py" line="370"/>
        <source>Use these settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="271"/>
        <location filename="../../app/ui/history_panel.py" line="273"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="328"/>
        <source>Nothing matches this search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="367"/>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="372"/>
        <source>Show in folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="377"/>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageDropZone</name>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="201"/>
        <source>Source picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="214"/>
        <source>Drop a picture here or click to choose
JPEG, PNG or WebP, up to 10 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="221"/>
        <location filename="../../app/ui/prompt_form.py" line="222"/>
        <source>Remove picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="282"/>
        <source>Choose a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="284"/>
        <source>Pictures (*.jpg *.jpeg *.png *.webp)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <location filename="../../app/ui/wording.py" line="58"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="74"/>
        <source>%1 · about %2 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="84"/>
        <source>Today %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="93"/>
        <source>New video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="104"/>
        <source>In progress (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="105"/>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="111"/>
        <source>Rendering · %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="113"/>
        <source>Downloading the video · %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="115"/>
        <source>Uploading the picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="116"/>
        <source>Sending your prompt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="117"/>
        <source>Waiting in the queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="118"/>
        <source>Rendering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="119"/>
        <source>Downloading the video…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="120"/>
        <source>Checking the video…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="130"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="132"/>
        <source>Stopped following this job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="142"/>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="143"/>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="144"/>
        <source>Rendering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="145"/>
        <source>Downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="146"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="147"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="148"/>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="165"/>
        <source>Offline · will keep trying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="160"/>
        <source>Checking every %n s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="164"/>
        <source>Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="163"/>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="170"/>
        <source>Your video is ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/wording.py" line="174"/>
        <source>A video failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="282"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="284"/>
        <source>Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="286"/>
        <source>New prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="288"/>
        <source>Search history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="290"/>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="291"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="299"/>
        <source>&amp;Playback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="300"/>
        <source>Play / Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="302"/>
        <source>Fullscreen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="306"/>
        <source>Loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="307"/>
        <source>Mute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="309"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="310"/>
        <source>Diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="311"/>
        <location filename="../../app/ui/message_boxes.py" line="92"/>
        <source>About Framecast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="162"/>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="165"/>
        <source>Open Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/message_boxes.py" line="64"/>
        <source>Cancel this video?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/message_boxes.py" line="65"/>
        <source>Stop following this video?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/message_boxes.py" line="66"/>
        <source>The service has no way to stop a render once it has started, so the server may still finish it (and charge for it). Framecast will stop waiting for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/message_boxes.py" line="71"/>
        <source>Stop following</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/message_boxes.py" line="72"/>
        <source>Keep waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/message_boxes.py" line="80"/>
        <source>Delete video?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/message_boxes.py" line="81"/>
        <source>Delete this video and its file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/message_boxes.py" line="83"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/message_boxes.py" line="84"/>
        <source>Keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/message_boxes.py" line="96"/>
        <source>A desktop studio for AI video generation: type a prompt, watch it render, play the video.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlayerView</name>
    <message>
        <location filename="../../app/ui/player.py" line="104"/>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="110"/>
        <source>Poster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="125"/>
        <location filename="../../app/ui/player.py" line="388"/>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="130"/>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="138"/>
        <source>Loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="142"/>
        <location filename="../../app/ui/player.py" line="383"/>
        <source>Mute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="147"/>
        <source>Volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="152"/>
        <source>Fullscreen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="155"/>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="157"/>
        <source>Show in folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="159"/>
        <source>Copy link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="230"/>
        <source>Your video is on its way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="233"/>
        <source>It will play here as soon as it is ready.
Meanwhile you can write the next prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="238"/>
        <source>Your video will play here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="241"/>
        <source>Describe a scene on the left and press Generate.
You can keep working while it renders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="383"/>
        <source>Unmute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="388"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="417"/>
        <source>This video could not be played: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="426"/>
        <source>Save video as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="428"/>
        <source>MP4 video (*.mp4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/player.py" line="444"/>
        <source>Could not save the copy: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressCard</name>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="45"/>
        <source>Generation in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="57"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="61"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="71"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="76"/>
        <source>Check now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="77"/>
        <source>Ask the server for this job&apos;s status right away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="79"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="81"/>
        <source>Stop following this job. The server may still finish it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="84"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="86"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../app/ui/progress_panel.py" line="194"/>
        <source>Active generations</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromptForm</name>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="80"/>
        <source>Extreme long shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="81"/>
        <source>Long shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="82"/>
        <source>Medium shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="83"/>
        <source>Medium close-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="84"/>
        <source>Close-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="85"/>
        <source>Extreme close-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="86"/>
        <source>Two shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="87"/>
        <source>Detail shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="94"/>
        <location filename="../../app/ui/prompt_form.py" line="112"/>
        <location filename="../../app/ui/prompt_form.py" line="590"/>
        <source>Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="105"/>
        <source>Image → video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="107"/>
        <source>Text → video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="110"/>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="177"/>
        <source>Can&apos;t read this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="179"/>
        <source>Use a JPEG, PNG or WebP picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="181"/>
        <source>This picture is larger than 10 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="184"/>
        <location filename="../../app/ui/prompt_form.py" line="259"/>
        <source>This picture could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="319"/>
        <source>Describe your video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="324"/>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="327"/>
        <source>A lighthouse on a cliff at dusk, waves crashing below, warm light sweeping through the fog…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="341"/>
        <location filename="../../app/ui/prompt_form.py" line="454"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="342"/>
        <source>Loading models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="353"/>
        <location filename="../../app/ui/prompt_form.py" line="458"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="358"/>
        <source>Aspect ratio and resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="366"/>
        <location filename="../../app/ui/prompt_form.py" line="463"/>
        <source>Style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="367"/>
        <location filename="../../app/ui/prompt_form.py" line="562"/>
        <source>No style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="371"/>
        <location filename="../../app/ui/prompt_form.py" line="479"/>
        <source>Shot size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="372"/>
        <source>Any shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="378"/>
        <source>Frames per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="380"/>
        <source>%1 fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="384"/>
        <location filename="../../app/ui/prompt_form.py" line="464"/>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="388"/>
        <source>The same seed and settings give the same video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="391"/>
        <location filename="../../app/ui/prompt_form.py" line="392"/>
        <source>New random seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="398"/>
        <source>Source picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="403"/>
        <location filename="../../app/ui/prompt_form.py" line="484"/>
        <source>Negative prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="404"/>
        <source>What the video should not show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="410"/>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="411"/>
        <source>Advanced settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="419"/>
        <source>Estimated cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="422"/>
        <source>What to fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="426"/>
        <location filename="../../app/ui/prompt_form.py" line="428"/>
        <location filename="../../app/ui/prompt_form.py" line="711"/>
        <source>Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="432"/>
        <source>Generate (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="459"/>
        <source>Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="480"/>
        <source>Frame rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="552"/>
        <source>No models available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="580"/>
        <source>Durations: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="582"/>
        <source>Needs a VIP account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="586"/>
        <source>Animates a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="586"/>
        <source>Text to video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="588"/>
        <source>%1 per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="593"/>
        <source>★ VIP only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="758"/>
        <source>%1 (not offered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="658"/>
        <source>Waiting for the list of models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="660"/>
        <source>Choose a model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="663"/>
        <source>Describe the video you want to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="665"/>
        <source>The prompt is too long: shorten it to %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="671"/>
        <source>This model does not offer that duration. Choose %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="676"/>
        <source>Checking the picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="680"/>
        <source>This model animates a picture: add one above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="707"/>
        <source>Estimated cost: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_form.py" line="711"/>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="54"/>
        <location filename="../../app/ui/settings_dialog.py" line="55"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="69"/>
        <source>Built-in local renderer (works offline, free)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="71"/>
        <source>SuperDuperAI cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="73"/>
        <source>Custom server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="81"/>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="86"/>
        <location filename="../../app/ui/settings_dialog.py" line="159"/>
        <source>API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="92"/>
        <location filename="../../app/ui/settings_dialog.py" line="94"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="103"/>
        <source>Download folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="104"/>
        <source>Framecast&apos;s own folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="105"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="106"/>
        <source>Choose download folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="112"/>
        <location filename="../../app/ui/settings_dialog.py" line="163"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="113"/>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="119"/>
        <source>A new language applies the next time Framecast starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="124"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="129"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="158"/>
        <source>Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="162"/>
        <source>Videos folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="227"/>
        <source>The built-in renderer needs no token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="230"/>
        <source>Enter the server&apos;s address, such as https://example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="239"/>
        <source>Saved — paste a new token to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="241"/>
        <source>Paste your API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="243"/>
        <source>Kept in your system keyring, never in plain settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="271"/>
        <source>The built-in renderer starts with the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="275"/>
        <source>That address is not an http(s) URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="258"/>
        <source>The connection failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/settings_dialog.py" line="288"/>
        <source>Connected: %n model(s) available.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="290"/>
        <source>Balance: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="294"/>
        <source>Choose where videos are saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="313"/>
        <source>Enter the custom server&apos;s address (http:// or https://).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="308"/>
        <source>Leave the user name and password out of the address: paste your API token in the API token field instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="323"/>
        <source>The token could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../../app/ui/top_bar.py" line="35"/>
        <source>Backend status</source>
        <extracomment>The status dot&apos;s colour role (`#backendStatus[state=...]` in the stylesheet).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/top_bar.py" line="36"/>
        <location filename="../../app/ui/top_bar.py" line="38"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/top_bar.py" line="41"/>
        <source>Settings (Ctrl+,)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
