<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Banner</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no other finished video to compare with yet. Make another one first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Compare videos</source>
        <extracomment>A follower further than this from the leader is moved (two frames at 24 fps). After moving a follower, how long its seek may take to land before the next check. How often positions are compared while playing.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position of both videos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loop both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause both</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in renderer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SuperDuperAI cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the built-in renderer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in renderer did not start. Try again, or choose another backend in Settings. The details are in the log file (Help → Diagnostics).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in renderer stopped answering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can&apos;t reach the server. Check your internet connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trying again now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trying again in %n s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your video was not sent: the server can&apos;t be reached. Your prompt is kept; press Generate again when the server is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>★ VIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account can use the VIP models.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <source>Live connections opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live connection failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fallbacks to polling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status checks (polls)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed status checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <extracomment>The same counters in English, for the copied details.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When you report a problem, press Copy details and paste them into your message. They hold no token or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Framecast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt and Python</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not logging to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open log file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None in this run</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n in this run (their lines are in the copied details)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Copied. Paste the details into your report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log file does not exist yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No program on this computer could open the log file. Open it with a text editor: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Your account has no credits left for this video. Top up your balance, or choose a shorter or cheaper model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused these settings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The render failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is not enough disk space in %1 for this video (it needs %2 MB). Free some space, then press Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Framecast can&apos;t save videos in %1. Choose another folder in Settings, then press Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Framecast checked on this video once without an answer and stopped. Press Retry to follow it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Framecast checked on this video %n times without an answer and stopped. Press Retry to follow it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept your API token. Paste a valid token in Settings to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused these settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The render failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server no longer knows this video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The finished video could not be downloaded or does not play. Press Retry to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another Framecast window or command is still saving this video. Press Retry when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video took longer than Framecast could wait.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Framecast stopped unexpectedly while following this video. Press Retry to follow it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Framecast was closed before the server confirmed this video, so it may not have started. Press Retry to send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent an answer Framecast does not understand. Try again later; if it keeps happening, check for a Framecast update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is not enough disk space for this video. Free some space, then press Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Framecast can&apos;t save videos in the chosen folder. Choose another folder in Settings, then press Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server asked us to slow down. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can&apos;t reach the server right now. Check your connection; Framecast will keep trying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to a backend yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings of this video were not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video file is missing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This video is no longer in your account, so it can&apos;t be downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This video is in your account on another server. Connect to that server in Settings to download it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Framecast is not connected to that account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video could not be deleted from your account, so it was kept here too. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can&apos;t reach the server to download this video. Check your connection, then play it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is not enough disk space to download this video. Free some space, then play it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Framecast can&apos;t save videos in the chosen folder. Choose another folder in Settings, then play the video again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This video from your account could not be downloaded or does not play. Play it again to try once more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong. The details are in the log file (Help → Diagnostics).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not be reached. Press Retry when you are back online.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1 to %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loops forever. At most 480 pixels wide and 12 frames a second, no sound.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller files for the web. Re-encoded, which takes a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the video…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A fast copy: no re-encoding, so nothing of the quality is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-encoded at high quality, which takes a moment: In is not on a keyframe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GIF animation (*.gif)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebM video (*.webm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting… %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1 (%2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is not enough disk space in %1. Free some space or choose another folder, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Framecast can&apos;t save in %1. Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists. Choose another name, or replace it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Framecast can&apos;t read the video %1: the file is missing or damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That part is outside the video. Set In and Out inside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This format can&apos;t be made on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export of %1 did not come out right, so it was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong with this video file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Framecast is not allowed to save there. Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export video</source>
        <extracomment>How often the progress bar reads the worker&apos;s progress.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export a part of the video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MP4 video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looping GIF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebM video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Added today %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From your account: made in the web app or on another computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playing it downloads it to this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now playing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From my account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches this search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No favourites yet.
Star a video to keep it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No videos of this kind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show as a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show as a grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Videos to remove from the history: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their files on this computer are deleted. Videos in your account stay there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Favourites are kept (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Videos still being made are kept (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding videos from your account… %1 added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for videos in your account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Couldn&apos;t read the videos in your account: %1 Nothing was lost; Framecast will try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Framecast couldn&apos;t open the folder %1. Open it in your file manager.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>History</source>
        <extracomment>The two views of the history (remembered in window.ini).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search prompts and models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No videos yet.
Everything you generate is kept here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use these settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageDropZone</name>
    <message>
        <source>Source picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop a picture here or click to choose
JPEG, PNG or WebP, up to 10 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png *.webp)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · about %2 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering · %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading the video · %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading the picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending your prompt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting in the queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading the video…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the video…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped following this job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last heard: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time left shows again when the server answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safe to close: they continue next time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can close Framecast: the built-in renderer stops, and these videos continue from the start when you open Framecast again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safe to close: the service keeps rendering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can close Framecast: the service keeps rendering, and Framecast picks these videos up when you open it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry picks up this same video again. The built-in renderer is free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry picks up this same video again; nothing new is made or charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in renderer is free: nothing is ever charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed videos are not charged. Retry sends it again; it is charged only if it succeeds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry makes it again as a new video, which is charged if it succeeds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking every %n s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your video is ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A video failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play / Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fullscreen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Framecast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel this video?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop following this video?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Framecast will stop waiting for it and will not show it. The built-in renderer may still finish it in the background.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service has no way to stop a render once it has started, so the server may still finish it (and charge for it). Framecast will stop waiting for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Again with a new seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make this video again right away: the same prompt and settings, a new random seed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop following</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also delete it from my account on the server (can&apos;t be undone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete video?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this video and its file from this computer?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear history?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A desktop studio for AI video generation: type a prompt, watch it render, play the video.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Player</name>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n new videos are ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your new video is ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always play new videos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play every new video as soon as it is ready (Playback menu to turn off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your video is on its way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It will play here as soon as it is ready.
Meanwhile you can write the next prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your video continues as soon as the server can be reached again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No video this time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card below says what went wrong and what Retry does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your video will play here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe a scene on the left and press Generate.
You can keep working while it renders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the copy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The frame was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last frame could not be taken: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model here can start a video from a picture, so this clip can&apos;t be continued. Connect to a service that offers image-to-video models, or use the built-in renderer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last frame is the picture of a new video. Edit the prompt, then Generate.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlayerView</name>
    <message>
        <source>Video</source>
        <extracomment>Where &quot;Continue from last frame&quot; keeps the final frames it takes (they are the new jobs&apos; source pictures, so Retry and &quot;Use these settings&quot; find them).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set In point (I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Out point (O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fullscreen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the frame showing now as a picture, at the video&apos;s full size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue from last frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new video from this one&apos;s last frame, with the same prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the part between In and Out (or all of it) as MP4, GIF or WebM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play this video beside another, in step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set In point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Out point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear In and Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear In and Out (Shift+X)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This video could not be played: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save video as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A preset keeps every setting below (not the prompt). Choose one to use its settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a preset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No presets yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save current settings as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name for the current settings:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace preset?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A preset named “%1” already exists. Replace it with the current settings?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete preset?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the preset “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your videos and the form stay as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the preset “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renamed to “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted the preset “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Using the preset “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the style “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the duration %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the frame %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the shot size %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the frame rate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Using the preset “%1”, except %2: not offered now, so the form keeps its own choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the preset a name of 1 to %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another preset is already named “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The presets could not be saved (%1). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The presets could not be read (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 presets could not be read; the others are here. The old file was kept as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The presets file was damaged, so it was kept as %1 and a new one was started.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressCard</name>
    <message>
        <source>Generation in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the server for this job&apos;s status right away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop following this job. The server may still finish it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Active generations</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromptForm</name>
    <message>
        <source>Extreme long shot</source>
        <extracomment>Room in a model row: padding at each end, icon, and the gap before the mode and price. The prompt box&apos;s height when the column has nothing to spare. How long Advanced keeps itself in view while the layout settles.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Long shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium close-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extreme close-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>price unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image → video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text → video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>★ VIP models need a VIP account, and yours is not VIP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not listed: 1 model making pictures, sound or video from video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not listed: %n models making pictures, sound or video from video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>turns a video into another video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>makes pictures, not videos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>makes sound, not videos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not say that it makes videos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed videos are not charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your balance (%1) is less than this video&apos;s estimated cost (%2). Top up, or choose a shorter or cheaper model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model makes %1 videos. Choose one of those frames.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The seed must be a whole number from 0 to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server would refuse these settings. Change them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated cost: %1 for %2 takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many videos one press of Generate makes: the same settings, with the seeds counting up from the one shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can&apos;t read this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a JPEG, PNG or WebP picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This picture is larger than 10 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This picture could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe your video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A lighthouse on a cliff at dusk, waves crashing below, warm light sweeping through the fog…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aspect ratio and resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shot size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fewer takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New random seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New seed each time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each Generate draws a new seed, so the same prompt gives a new video. Turn it off to keep the seed shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negative prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the video should not show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No models available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Durations: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs a VIP account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Animates a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text to video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>★ VIP only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not offered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the list of models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same seed and settings give the same video. Any whole number from 0 to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the video you want to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prompt is too long: shorten it to %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Framecast can&apos;t make videos with this model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model needs a VIP account, and your account is not VIP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model does not offer that duration. Choose %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model animates a picture: add one above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated cost: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromptRecall</name>
    <message>
        <source>Earlier prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier prompts. In an empty prompt box, Up and Down bring them back too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter earlier prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter puts the prompt in the box, Esc closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No earlier prompts yet. Every prompt you send is kept here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No earlier prompt has these words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier prompt %1 of %2 · Esc goes back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <source>Take %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue is paused: this video will wait until you resume it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This video will wait until one in progress is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One video waiting ahead of this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n videos waiting ahead of this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to be sent (%n)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent %n at a time. Waiting videos cost nothing until they are sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many videos are sent to this service at the same time; the rest wait here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused: nothing more is sent until you resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A waiting video could not be sent. It stays in the queue; Framecast tries again when a video in progress is done.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Videos waiting to be sent</source>
        <extracomment>Room kept beside the title&apos;s words on the buttons&apos; line (the note gets what is left).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in local renderer (works offline, free)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SuperDuperAI cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Framecast&apos;s own folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose download folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies the next time Framecast starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Videos folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in renderer needs no token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, such as https://example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved — paste a new token to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste your API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in renderer starts with the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That address is not an http(s) URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: 1 model available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: %n models available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept this token. Check that you copied all of it, or create a new one in your SuperDuperAI account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your token is saved in the system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A token you paste is saved in the system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has no keyring, so your token is saved in a private file only you can read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has no keyring, so a token you paste is saved in a private file only you can read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where videos are saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the custom server&apos;s address (http:// or https://).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the user name and password out of the address: paste your API token in the API token field instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>%1 must be a number of seconds from %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be an http:// or https:// address without a user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds a value Framecast can&apos;t use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history %1 was damaged. It was kept as %2 and a new, empty history was started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Framecast uses its default value instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Framecast can&apos;t write its log file in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its log folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file %1 has a bad value for %2; it was ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file %1 can&apos;t be read; using the default settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file %1 is not UTF-8 text; using the default settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file %1 is damaged; using the default settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Framecast can&apos;t write to its data folder %1. Make it writable, or choose another folder with %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history %1 was made by a newer Framecast. Update Framecast, or move the file away to start a new history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Framecast can&apos;t open its history %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Backend status</source>
        <extracomment>The status dot&apos;s colour role (`#backendStatus[state=...]` in the stylesheet).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
