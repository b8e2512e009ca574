<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
  <context>
    <name>Banner</name>
    <message>
      <source>Dismiss</source>
      <translation>Скрыть</translation>
    </message>
  </context>
  <context>
    <name>Compare</name>
    <message>
      <source>%1 s</source>
      <translation>%1 с</translation>
    </message>
    <message>
      <source>seed %1</source>
      <translation>зерно %1</translation>
    </message>
    <message>
      <source>There is no other finished video to compare with yet. Make another one first.</source>
      <translation>Сравнить пока не с чем: другого готового видео нет. Сначала создайте ещё одно.</translation>
    </message>
  </context>
  <context>
    <name>CompareView</name>
    <message>
      <source>Compare videos</source>
      <extracomment>A follower further than this from the leader is moved (two frames at 24 fps). After moving a follower, how long its seek may take to land before the next check. How often positions are compared while playing.</extracomment>
      <translation>Сравнение видео</translation>
    </message>
    <message>
      <source>Play both</source>
      <translation>Воспроизвести оба</translation>
    </message>
    <message>
      <source>Position of both videos</source>
      <translation>Позиция обоих видео</translation>
    </message>
    <message>
      <source>Loop both</source>
      <translation>Повторять оба</translation>
    </message>
    <message>
      <source>Pause both</source>
      <translation>Приостановить оба</translation>
    </message>
  </context>
  <context>
    <name>Connection</name>
    <message>
      <source>Connecting…</source>
      <translation>Подключение…</translation>
    </message>
    <message>
      <source>Built-in renderer</source>
      <translation>Встроенный рендерер</translation>
    </message>
    <message>
      <source>SuperDuperAI cloud</source>
      <translation>Облако SuperDuperAI</translation>
    </message>
    <message>
      <source>Custom server</source>
      <translation>Свой сервер</translation>
    </message>
    <message>
      <source>Starting the built-in renderer…</source>
      <translation>Запуск встроенного рендерера…</translation>
    </message>
    <message>
      <source>Token refused</source>
      <translation>Токен отклонён</translation>
    </message>
    <message>
      <source>%1 · offline</source>
      <translation>%1 · нет связи</translation>
    </message>
    <message>
      <source>Not connected</source>
      <translation>Нет подключения</translation>
    </message>
    <message>
      <source>The built-in renderer did not start. Try again, or choose another backend in Settings. The details are in the log file (Help → Diagnostics).</source>
      <translation>Встроенный рендерер не запустился. Попробуйте ещё раз или выберите другой сервер в настройках. Подробности — в файле журнала (Справка → Диагностика).</translation>
    </message>
    <message>
      <source>Sign-in needed</source>
      <translation>Нужен вход</translation>
    </message>
    <message>
      <source>Waiting for the server…</source>
      <translation>Ждём сервер…</translation>
    </message>
    <message>
      <source>Models unavailable</source>
      <translation>Модели недоступны</translation>
    </message>
    <message>
      <source>The built-in renderer stopped answering.</source>
      <translation>Встроенный рендерер перестал отвечать.</translation>
    </message>
    <message>
      <source>Can't reach the server. Check your internet connection.</source>
      <translation>Сервер недоступен. Проверьте подключение к интернету.</translation>
    </message>
    <message>
      <source>Trying again now…</source>
      <translation>Пробуем снова…</translation>
    </message>
    <message numerus="yes">
      <source>Trying again in %n s.</source>
      <translation>
        <numerusform>Пробуем снова через %n с.</numerusform>
        <numerusform>Пробуем снова через %n с.</numerusform>
        <numerusform>Пробуем снова через %n с.</numerusform>
      </translation>
    </message>
    <message>
      <source>Your video was not sent: the server can't be reached. Your prompt is kept; press Generate again when the server is back.</source>
      <translation>Видео не отправлено: сервер недоступен. Описание сохранено — нажмите «Создать» ещё раз, когда сервер снова будет доступен.</translation>
    </message>
    <message>
      <source>Try now</source>
      <translation>Попробовать сейчас</translation>
    </message>
    <message>
      <source>Balance %1</source>
      <translation>Баланс %1</translation>
    </message>
    <message>
      <source>★ VIP</source>
      <translation>★ VIP</translation>
    </message>
    <message>
      <source>Your account can use the VIP models.</source>
      <translation>Вашему аккаунту доступны VIP-модели.</translation>
    </message>
  </context>
  <context>
    <name>DiagnosticsDialog</name>
    <message>
      <source>Live connections opened</source>
      <translation>Открыто живых подключений</translation>
    </message>
    <message>
      <source>Live connection failures</source>
      <translation>Сбоев живого подключения</translation>
    </message>
    <message>
      <source>Reconnects</source>
      <translation>Переподключений</translation>
    </message>
    <message>
      <source>Fallbacks to polling</source>
      <translation>Переходов на опрос</translation>
    </message>
    <message>
      <source>Status checks (polls)</source>
      <translation>Проверок статуса (опросов)</translation>
    </message>
    <message>
      <source>Failed status checks</source>
      <translation>Неудачных проверок статуса</translation>
    </message>
    <message>
      <source>Events received</source>
      <translation>Получено событий</translation>
    </message>
    <message>
      <source>Events skipped</source>
      <translation>Пропущено событий</translation>
    </message>
    <message>
      <source>Downloads</source>
      <translation>Загрузок</translation>
    </message>
    <message>
      <source>Download retries</source>
      <translation>Повторов загрузки</translation>
    </message>
    <message>
      <source>Bytes downloaded</source>
      <translation>Загружено байт</translation>
    </message>
    <message>
      <source>Diagnostics</source>
      <extracomment>The same counters in English, for the copied details.</extracomment>
      <translation>Диагностика</translation>
    </message>
    <message>
      <source>When you report a problem, press Copy details and paste them into your message. They hold no token or password.</source>
      <translation>Сообщая о проблеме, нажмите «Скопировать сведения» и вставьте их в письмо. В них нет ни токена, ни пароля.</translation>
    </message>
    <message>
      <source>Framecast</source>
      <translation>Framecast</translation>
    </message>
    <message>
      <source>Qt and Python</source>
      <translation>Qt и Python</translation>
    </message>
    <message>
      <source>System</source>
      <translation>Система</translation>
    </message>
    <message>
      <source>Backend</source>
      <translation>Сервер</translation>
    </message>
    <message>
      <source>Problems logged</source>
      <translation>Записано проблем</translation>
    </message>
    <message>
      <source>Not logging to a file</source>
      <translation>Журнал в файл не пишется</translation>
    </message>
    <message>
      <source>Log file</source>
      <translation>Файл журнала</translation>
    </message>
    <message>
      <source>Copy details</source>
      <translation>Скопировать сведения</translation>
    </message>
    <message>
      <source>Open log file</source>
      <translation>Открыть журнал</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Закрыть</translation>
    </message>
    <message>
      <source>None in this run</source>
      <translation>В этом запуске — ни одной</translation>
    </message>
    <message numerus="yes">
      <source>%n in this run (their lines are in the copied details)</source>
      <translation>
        <numerusform>%n в этом запуске (их строки — в скопированных сведениях)</numerusform>
        <numerusform>%n в этом запуске (их строки — в скопированных сведениях)</numerusform>
        <numerusform>%n в этом запуске (их строки — в скопированных сведениях)</numerusform>
      </translation>
    </message>
    <message>
      <source>Copied. Paste the details into your report.</source>
      <translation>Скопировано. Вставьте сведения в своё сообщение.</translation>
    </message>
    <message>
      <source>The log file does not exist yet.</source>
      <translation>Файла журнала пока нет.</translation>
    </message>
    <message>
      <source>No program on this computer could open the log file. Open it with a text editor: %1</source>
      <translation>Ни одна программа на этом компьютере не открыла файл журнала. Откройте его в текстовом редакторе: %1</translation>
    </message>
  </context>
  <context>
    <name>Errors</name>
    <message>
      <source>Your account has no credits left for this video. Top up your balance, or choose a shorter or cheaper model.</source>
      <translation>На вашем счёте не хватает кредитов на это видео. Пополните баланс или выберите более короткое видео или более дешёвую модель.</translation>
    </message>
    <message>
      <source>The server refused these settings: %1</source>
      <translation>Сервер отклонил эти настройки: %1</translation>
    </message>
    <message>
      <source>The render failed: %1</source>
      <translation>Рендер не удался: %1</translation>
    </message>
    <message>
      <source>There is not enough disk space in %1 for this video (it needs %2 MB). Free some space, then press Retry.</source>
      <translation>В папке %1 не хватает места для этого видео (нужно %2 МБ). Освободите место и нажмите «Повторить».</translation>
    </message>
    <message>
      <source>Framecast can't save videos in %1. Choose another folder in Settings, then press Retry.</source>
      <translation>Framecast не может сохранять видео в папку %1. Выберите другую папку в настройках и нажмите «Повторить».</translation>
    </message>
    <message>
      <source>Framecast checked on this video once without an answer and stopped. Press Retry to follow it again.</source>
      <translation>Framecast один раз проверил это видео, не получил ответа и остановился. Нажмите «Повторить», чтобы следить за ним снова.</translation>
    </message>
    <message numerus="yes">
      <source>Framecast checked on this video %n times without an answer and stopped. Press Retry to follow it again.</source>
      <translation>
        <numerusform>Framecast проверил это видео %n раз, не получил ответа и остановился. Нажмите «Повторить», чтобы следить за ним снова.</numerusform>
        <numerusform>Framecast проверил это видео %n раза, не получил ответа и остановился. Нажмите «Повторить», чтобы следить за ним снова.</numerusform>
        <numerusform>Framecast проверил это видео %n раз, не получил ответа и остановился. Нажмите «Повторить», чтобы следить за ним снова.</numerusform>
      </translation>
    </message>
    <message>
      <source>The server did not accept your API token. Paste a valid token in Settings to continue.</source>
      <translation>Сервер не принял ваш API-токен. Вставьте действующий токен в настройках, чтобы продолжить.</translation>
    </message>
    <message>
      <source>The server refused these settings.</source>
      <translation>Сервер отклонил эти настройки.</translation>
    </message>
    <message>
      <source>The render failed.</source>
      <translation>Рендер не удался.</translation>
    </message>
    <message>
      <source>The server no longer knows this video.</source>
      <translation>Сервер больше не знает об этом видео.</translation>
    </message>
    <message>
      <source>The finished video could not be downloaded or does not play. Press Retry to try again.</source>
      <translation>Готовое видео не удалось загрузить, или оно не воспроизводится. Нажмите «Повторить», чтобы попробовать ещё раз.</translation>
    </message>
    <message>
      <source>Another Framecast window or command is still saving this video. Press Retry when it has finished.</source>
      <translation>Это видео ещё сохраняет другое окно или команда Framecast. Нажмите «Повторить», когда они закончат.</translation>
    </message>
    <message>
      <source>The video took longer than Framecast could wait.</source>
      <translation>Видео готовилось дольше, чем Framecast мог ждать.</translation>
    </message>
    <message>
      <source>Framecast stopped unexpectedly while following this video. Press Retry to follow it again.</source>
      <translation>Framecast неожиданно остановился, пока следил за этим видео. Нажмите «Повторить», чтобы следить за ним снова.</translation>
    </message>
    <message>
      <source>Framecast was closed before the server confirmed this video, so it may not have started. Press Retry to send it again.</source>
      <translation>Framecast закрылся раньше, чем сервер подтвердил это видео, поэтому оно могло не начаться. Нажмите «Повторить», чтобы отправить его снова.</translation>
    </message>
    <message>
      <source>The server sent an answer Framecast does not understand. Try again later; if it keeps happening, check for a Framecast update.</source>
      <translation>Сервер прислал ответ, который Framecast не понимает. Попробуйте позже; если это повторяется, проверьте, нет ли новой версии Framecast.</translation>
    </message>
    <message>
      <source>There is not enough disk space for this video. Free some space, then press Retry.</source>
      <translation>Для этого видео не хватает места на диске. Освободите место и нажмите «Повторить».</translation>
    </message>
    <message>
      <source>Framecast can't save videos in the chosen folder. Choose another folder in Settings, then press Retry.</source>
      <translation>Framecast не может сохранять видео в выбранную папку. Выберите другую папку в настройках и нажмите «Повторить».</translation>
    </message>
    <message>
      <source>The server asked us to slow down. Try again in a moment.</source>
      <translation>Сервер просит не торопиться. Попробуйте чуть позже.</translation>
    </message>
    <message>
      <source>Can't reach the server right now. Check your connection; Framecast will keep trying.</source>
      <translation>Сейчас не удаётся связаться с сервером. Проверьте подключение; Framecast продолжит попытки.</translation>
    </message>
    <message>
      <source>Not connected to a backend yet.</source>
      <translation>Подключение к серверу ещё не установлено.</translation>
    </message>
    <message>
      <source>The settings of this video were not found.</source>
      <translation>Настройки этого видео не найдены.</translation>
    </message>
    <message>
      <source>The video file is missing: %1</source>
      <translation>Файл видео не найден: %1</translation>
    </message>
    <message>
      <source>Settings could not be saved: %1</source>
      <translation>Не удалось сохранить настройки: %1</translation>
    </message>
    <message>
      <source>This video is no longer in your account, so it can't be downloaded.</source>
      <translation>Этого видео больше нет в вашем аккаунте, поэтому скачать его нельзя.</translation>
    </message>
    <message>
      <source>This video is in your account on another server. Connect to that server in Settings to download it.</source>
      <translation>Это видео — в вашем аккаунте на другом сервере. Чтобы скачать его, подключитесь к этому серверу в настройках.</translation>
    </message>
    <message>
      <source>Framecast is not connected to that account.</source>
      <translation>Framecast не подключён к этому аккаунту.</translation>
    </message>
    <message>
      <source>The video could not be deleted from your account, so it was kept here too. %1</source>
      <translation>Не удалось удалить видео из вашего аккаунта, поэтому здесь оно тоже сохранено. %1</translation>
    </message>
    <message>
      <source>Can't reach the server to download this video. Check your connection, then play it again.</source>
      <translation>Не удаётся связаться с сервером, чтобы скачать это видео. Проверьте подключение и включите видео ещё раз.</translation>
    </message>
    <message>
      <source>There is not enough disk space to download this video. Free some space, then play it again.</source>
      <translation>Для этого видео не хватает места на диске. Освободите место и включите видео ещё раз.</translation>
    </message>
    <message>
      <source>Framecast can't save videos in the chosen folder. Choose another folder in Settings, then play the video again.</source>
      <translation>Framecast не может сохранять видео в выбранную папку. Выберите другую папку в настройках и включите видео ещё раз.</translation>
    </message>
    <message>
      <source>This video from your account could not be downloaded or does not play. Play it again to try once more.</source>
      <translation>Не удалось скачать это видео из вашего аккаунта, или оно не воспроизводится. Включите его ещё раз, чтобы повторить попытку.</translation>
    </message>
    <message>
      <source>Something went wrong. The details are in the log file (Help → Diagnostics).</source>
      <translation>Что-то пошло не так. Подробности — в файле журнала (Справка → Диагностика).</translation>
    </message>
    <message>
      <source>The server could not be reached. Press Retry when you are back online.</source>
      <translation>Не удалось связаться с сервером. Нажмите «Повторить», когда связь восстановится.</translation>
    </message>
  </context>
  <context>
    <name>Export</name>
    <message>
      <source>%1 s</source>
      <translation>%1 с</translation>
    </message>
    <message>
      <source>From %1 to %2 (%3)</source>
      <translation>С %1 по %2 (%3)</translation>
    </message>
    <message>
      <source>Loops forever. At most 480 pixels wide and 12 frames a second, no sound.</source>
      <translation>Повторяется бесконечно. Не шире 480 пикселей, до 12 кадров в секунду, без звука.</translation>
    </message>
    <message>
      <source>Smaller files for the web. Re-encoded, which takes a moment.</source>
      <translation>Файлы поменьше, для интернета. Видео перекодируется — это займёт немного времени.</translation>
    </message>
    <message>
      <source>Checking the video…</source>
      <translation>Проверяем видео…</translation>
    </message>
    <message>
      <source>A fast copy: no re-encoding, so nothing of the quality is lost.</source>
      <translation>Быстрое копирование без перекодирования: качество не теряется.</translation>
    </message>
    <message>
      <source>Re-encoded at high quality, which takes a moment: In is not on a keyframe.</source>
      <translation>Видео перекодируется в высоком качестве — это займёт немного времени: начало отрезка не на ключевом кадре.</translation>
    </message>
    <message>
      <source>MP4 video (*.mp4)</source>
      <translation>Видео MP4 (*.mp4)</translation>
    </message>
    <message>
      <source>GIF animation (*.gif)</source>
      <translation>GIF-анимация (*.gif)</translation>
    </message>
    <message>
      <source>WebM video (*.webm)</source>
      <translation>Видео WebM (*.webm)</translation>
    </message>
    <message>
      <source>Exporting… %1%</source>
      <translation>Экспорт… %1%</translation>
    </message>
    <message>
      <source>Saved to %1 (%2, %3)</source>
      <translation>Сохранено: %1 (%2, %3)</translation>
    </message>
    <message>
      <source>%1 KB</source>
      <translation>%1 КБ</translation>
    </message>
    <message>
      <source>%1 MB</source>
      <translation>%1 МБ</translation>
    </message>
    <message>
      <source>%1 already exists. Replace it?</source>
      <translation>Файл %1 уже существует. Заменить его?</translation>
    </message>
    <message>
      <source>There is not enough disk space in %1. Free some space or choose another folder, then try again.</source>
      <translation>В папке %1 не хватает места на диске. Освободите место или выберите другую папку и попробуйте снова.</translation>
    </message>
    <message>
      <source>Framecast can't save in %1. Choose another folder.</source>
      <translation>Framecast не может сохранить файл в %1. Выберите другую папку.</translation>
    </message>
    <message>
      <source>%1 already exists. Choose another name, or replace it.</source>
      <translation>Файл %1 уже существует. Выберите другое имя или замените его.</translation>
    </message>
    <message>
      <source>Framecast can't read the video %1: the file is missing or damaged.</source>
      <translation>Framecast не может прочитать видео %1: файла нет или он повреждён.</translation>
    </message>
    <message>
      <source>Cancelled; nothing was saved.</source>
      <translation>Отменено, ничего не сохранено.</translation>
    </message>
    <message>
      <source>That part is outside the video. Set In and Out inside it.</source>
      <translation>Этот отрезок выходит за пределы видео. Поставьте начало и конец внутри него.</translation>
    </message>
    <message>
      <source>This format can't be made on this computer.</source>
      <translation>На этом компьютере нельзя сохранить видео в таком формате.</translation>
    </message>
    <message>
      <source>The export of %1 did not come out right, so it was not saved.</source>
      <translation>Экспорт %1 получился с ошибкой, поэтому файл не сохранён.</translation>
    </message>
    <message>
      <source>Something went wrong with this video file.</source>
      <translation>С этим видеофайлом что-то не так.</translation>
    </message>
    <message>
      <source>Framecast is not allowed to save there. Choose another folder.</source>
      <translation>Framecast не может сохранять туда. Выберите другую папку.</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <source>Export video</source>
      <extracomment>How often the progress bar reads the worker's progress.</extracomment>
      <translation>Экспорт видео</translation>
    </message>
    <message>
      <source>Export a part of the video</source>
      <translation>Экспорт отрезка видео</translation>
    </message>
    <message>
      <source>MP4 video</source>
      <translation>Видео MP4</translation>
    </message>
    <message>
      <source>Looping GIF</source>
      <translation>Зацикленный GIF</translation>
    </message>
    <message>
      <source>WebM video</source>
      <translation>Видео WebM</translation>
    </message>
    <message>
      <source>File name</source>
      <translation>Имя файла</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Выбрать…</translation>
    </message>
    <message>
      <source>Show in folder</source>
      <translation>Показать в папке</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Закрыть</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Экспортировать</translation>
    </message>
    <message>
      <source>Format</source>
      <translation>Формат</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Имя</translation>
    </message>
    <message>
      <source>Folder</source>
      <translation>Папка</translation>
    </message>
    <message>
      <source>Export as</source>
      <translation>Экспортировать как</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Отмена</translation>
    </message>
    <message>
      <source>Replace the file?</source>
      <translation>Заменить файл?</translation>
    </message>
    <message>
      <source>Replace</source>
      <translation>Заменить</translation>
    </message>
    <message>
      <source>Keep it</source>
      <translation>Оставить</translation>
    </message>
  </context>
  <context>
    <name>History</name>
    <message>
      <source>Added today %1</source>
      <translation>Добавлено сегодня в %1</translation>
    </message>
    <message>
      <source>Added %1</source>
      <translation>Добавлено %1</translation>
    </message>
    <message>
      <source>Added today</source>
      <translation>Добавлено сегодня</translation>
    </message>
    <message>
      <source>From your account: made in the web app or on another computer.</source>
      <translation>Из вашего аккаунта: создано в веб-приложении или на другом компьютере.</translation>
    </message>
    <message>
      <source>Playing it downloads it to this computer.</source>
      <translation>При воспроизведении оно скачается на этот компьютер.</translation>
    </message>
    <message>
      <source>In the cloud</source>
      <translation>В облаке</translation>
    </message>
    <message>
      <source>Downloading…</source>
      <translation>Скачивается…</translation>
    </message>
    <message>
      <source>Downloading %1%</source>
      <translation>Скачивается %1%</translation>
    </message>
    <message>
      <source>Now playing</source>
      <translation>Играет</translation>
    </message>
    <message>
      <source>%1 of %2</source>
      <translation>%1 из %2</translation>
    </message>
    <message>
      <source>All</source>
      <translation>Все</translation>
    </message>
    <message>
      <source>Favourites</source>
      <translation>Избранное</translation>
    </message>
    <message>
      <source>Ready</source>
      <translation>Готовые</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>С ошибкой</translation>
    </message>
    <message>
      <source>From my account</source>
      <translation>Из моего аккаунта</translation>
    </message>
    <message>
      <source>Nothing matches this search.</source>
      <translation>Ничего не найдено.</translation>
    </message>
    <message>
      <source>No favourites yet.
Star a video to keep it here.</source>
      <translation>В избранном пока пусто.
Отметьте видео звёздочкой, и оно появится здесь.</translation>
    </message>
    <message>
      <source>No videos of this kind.</source>
      <translation>Таких видео нет.</translation>
    </message>
    <message>
      <source>Show as a list</source>
      <translation>Показать списком</translation>
    </message>
    <message>
      <source>Show as a grid</source>
      <translation>Показать сеткой</translation>
    </message>
    <message>
      <source>Remove from favourites</source>
      <translation>Убрать из избранного</translation>
    </message>
    <message>
      <source>Add to favourites</source>
      <translation>Добавить в избранное</translation>
    </message>
    <message>
      <source>Videos to remove from the history: %1</source>
      <translation>Будет убрано из истории видео: %1</translation>
    </message>
    <message>
      <source>Their files on this computer are deleted. Videos in your account stay there.</source>
      <translation>Их файлы на этом компьютере будут удалены. Видео в вашем аккаунте останутся там.</translation>
    </message>
    <message>
      <source>Favourites are kept (%1).</source>
      <translation>Избранное останется (%1).</translation>
    </message>
    <message>
      <source>Videos still being made are kept (%1).</source>
      <translation>Видео, которые ещё создаются, останутся (%1).</translation>
    </message>
    <message>
      <source>Adding videos from your account… %1 added</source>
      <translation>Добавляем видео из вашего аккаунта… добавлено: %1</translation>
    </message>
    <message>
      <source>Looking for videos in your account…</source>
      <translation>Ищем видео в вашем аккаунте…</translation>
    </message>
    <message>
      <source>Couldn't read the videos in your account: %1 Nothing was lost; Framecast will try again.</source>
      <translation>Не удалось получить видео из вашего аккаунта: %1 Ничего не потеряно — Framecast попробует ещё раз.</translation>
    </message>
    <message>
      <source>Framecast couldn't open the folder %1. Open it in your file manager.</source>
      <translation>Framecast не смог открыть папку %1. Откройте её в файловом менеджере.</translation>
    </message>
  </context>
  <context>
    <name>HistoryPanel</name>
    <message>
      <source>History</source>
      <extracomment>The two views of the history (remembered in window.ini).</extracomment>
      <translation>История</translation>
    </message>
    <message>
      <source>History actions</source>
      <translation>Действия с историей</translation>
    </message>
    <message>
      <source>Clear history…</source>
      <translation>Очистить историю…</translation>
    </message>
    <message>
      <source>Search history</source>
      <translation>Поиск по истории</translation>
    </message>
    <message>
      <source>Search prompts and models</source>
      <translation>Поиск по описаниям и моделям</translation>
    </message>
    <message>
      <source>Show</source>
      <translation>Показать</translation>
    </message>
    <message>
      <source>History grid</source>
      <translation>История сеткой</translation>
    </message>
    <message>
      <source>No videos yet.
Everything you generate is kept here.</source>
      <translation>Видео пока нет.
Всё, что вы создадите, появится здесь.</translation>
    </message>
    <message>
      <source>Use these settings</source>
      <translation>Взять настройки</translation>
    </message>
    <message>
      <source>Try again</source>
      <translation>Повторить</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Удалить</translation>
    </message>
    <message>
      <source>Play</source>
      <translation>Воспроизвести</translation>
    </message>
    <message>
      <source>Show in folder</source>
      <translation>Показать в папке</translation>
    </message>
    <message>
      <source>Delete…</source>
      <translation>Удалить…</translation>
    </message>
  </context>
  <context>
    <name>ImageDropZone</name>
    <message>
      <source>Source picture</source>
      <translation>Исходное изображение</translation>
    </message>
    <message>
      <source>Drop a picture here or click to choose
JPEG, PNG or WebP, up to 10 MB</source>
      <translation>Перетащите изображение сюда или нажмите, чтобы выбрать
JPEG, PNG или WebP, до 10 МБ</translation>
    </message>
    <message>
      <source>Remove picture</source>
      <translation>Убрать изображение</translation>
    </message>
    <message>
      <source>Choose a picture</source>
      <translation>Выберите изображение</translation>
    </message>
    <message>
      <source>Pictures (*.jpg *.jpeg *.png *.webp)</source>
      <translation>Изображения (*.jpg *.jpeg *.png *.webp)</translation>
    </message>
  </context>
  <context>
    <name>Jobs</name>
    <message>
      <source>%1 s</source>
      <translation>%1 с</translation>
    </message>
    <message>
      <source>%1 · about %2 left</source>
      <translation>%1 · осталось около %2</translation>
    </message>
    <message>
      <source>Today %1</source>
      <translation>Сегодня %1</translation>
    </message>
    <message>
      <source>New video</source>
      <translation>Новое видео</translation>
    </message>
    <message>
      <source>In progress (%1)</source>
      <translation>В работе (%1)</translation>
    </message>
    <message>
      <source>In progress</source>
      <translation>В работе</translation>
    </message>
    <message>
      <source>Rendering · %1%</source>
      <translation>Рендер · %1%</translation>
    </message>
    <message>
      <source>Downloading the video · %1%</source>
      <translation>Загрузка видео · %1%</translation>
    </message>
    <message>
      <source>Uploading the picture…</source>
      <translation>Отправляем изображение…</translation>
    </message>
    <message>
      <source>Sending your prompt…</source>
      <translation>Отправляем описание…</translation>
    </message>
    <message>
      <source>Waiting in the queue…</source>
      <translation>Ждём в очереди…</translation>
    </message>
    <message>
      <source>Rendering…</source>
      <translation>Рендер…</translation>
    </message>
    <message>
      <source>Downloading the video…</source>
      <translation>Загружаем видео…</translation>
    </message>
    <message>
      <source>Checking the video…</source>
      <translation>Проверяем видео…</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Готово</translation>
    </message>
    <message>
      <source>Stopped following this job</source>
      <translation>Слежение за задачей остановлено</translation>
    </message>
    <message>
      <source>Sending</source>
      <translation>Отправка</translation>
    </message>
    <message>
      <source>Queued</source>
      <translation>В очереди</translation>
    </message>
    <message>
      <source>Rendering</source>
      <translation>Рендер</translation>
    </message>
    <message>
      <source>Downloading</source>
      <translation>Загрузка</translation>
    </message>
    <message>
      <source>Ready</source>
      <translation>Готово</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>Ошибка</translation>
    </message>
    <message>
      <source>Stopped</source>
      <translation>Остановлено</translation>
    </message>
    <message>
      <source>Last heard: %1</source>
      <translation>Последнее известное: %1</translation>
    </message>
    <message>
      <source>The time left shows again when the server answers.</source>
      <translation>Оставшееся время появится снова, когда сервер ответит.</translation>
    </message>
    <message>
      <source>Safe to close: they continue next time</source>
      <translation>Можно закрыть: продолжатся при следующем запуске</translation>
    </message>
    <message>
      <source>You can close Framecast: the built-in renderer stops, and these videos continue from the start when you open Framecast again.</source>
      <translation>Framecast можно закрыть: встроенный рендерер остановится, а эти видео начнутся заново, когда вы снова откроете Framecast.</translation>
    </message>
    <message>
      <source>Safe to close: the service keeps rendering</source>
      <translation>Можно закрыть: сервис продолжит рендер</translation>
    </message>
    <message>
      <source>You can close Framecast: the service keeps rendering, and Framecast picks these videos up when you open it again.</source>
      <translation>Framecast можно закрыть: сервис продолжит рендер, а Framecast заберёт эти видео, когда вы снова его откроете.</translation>
    </message>
    <message>
      <source>Retry picks up this same video again. The built-in renderer is free.</source>
      <translation>«Повторить» снова заберёт это же видео. Встроенный рендерер бесплатный.</translation>
    </message>
    <message>
      <source>Retry picks up this same video again; nothing new is made or charged.</source>
      <translation>«Повторить» снова заберёт это же видео: ничего нового не создаётся и плата не берётся.</translation>
    </message>
    <message>
      <source>The built-in renderer is free: nothing is ever charged.</source>
      <translation>Встроенный рендерер бесплатный: за него никогда не списываются деньги.</translation>
    </message>
    <message>
      <source>Failed videos are not charged. Retry sends it again; it is charged only if it succeeds.</source>
      <translation>За неудавшиеся видео плата не берётся. «Повторить» отправит его снова; плата будет, только если оно получится.</translation>
    </message>
    <message>
      <source>Retry makes it again as a new video, which is charged if it succeeds.</source>
      <translation>«Повторить» создаст его заново как новое видео — за него будет плата, если оно получится.</translation>
    </message>
    <message numerus="yes">
      <source>Checking every %n s</source>
      <translation>
        <numerusform>Проверка каждую %n с</numerusform>
        <numerusform>Проверка каждые %n с</numerusform>
        <numerusform>Проверка каждые %n с</numerusform>
      </translation>
    </message>
    <message>
      <source>Reconnecting…</source>
      <translation>Переподключение…</translation>
    </message>
    <message>
      <source>Live</source>
      <translation>Онлайн</translation>
    </message>
    <message>
      <source>Offline</source>
      <translation>Нет связи</translation>
    </message>
    <message>
      <source>Your video is ready</source>
      <translation>Ваше видео готово</translation>
    </message>
    <message>
      <source>A video failed</source>
      <translation>Видео не получилось</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Файл</translation>
    </message>
    <message>
      <source>Generate</source>
      <translation>Создать</translation>
    </message>
    <message>
      <source>New prompt</source>
      <translation>Новое описание</translation>
    </message>
    <message>
      <source>Search history</source>
      <translation>Поиск по истории</translation>
    </message>
    <message>
      <source>Settings…</source>
      <translation>Настройки…</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>Выход</translation>
    </message>
    <message>
      <source>&amp;Playback</source>
      <translation>&amp;Воспроизведение</translation>
    </message>
    <message>
      <source>Play / Pause</source>
      <translation>Пуск / пауза</translation>
    </message>
    <message>
      <source>Fullscreen</source>
      <translation>Во весь экран</translation>
    </message>
    <message>
      <source>Loop</source>
      <translation>Повтор</translation>
    </message>
    <message>
      <source>Mute</source>
      <translation>Без звука</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Справка</translation>
    </message>
    <message>
      <source>Diagnostics</source>
      <translation>Диагностика</translation>
    </message>
    <message>
      <source>About Framecast</source>
      <translation>О Framecast</translation>
    </message>
    <message>
      <source>Open Settings</source>
      <translation>Открыть настройки</translation>
    </message>
    <message>
      <source>Cancel this video?</source>
      <translation>Отменить это видео?</translation>
    </message>
    <message>
      <source>Stop following this video?</source>
      <translation>Перестать следить за этим видео?</translation>
    </message>
    <message>
      <source>Framecast will stop waiting for it and will not show it. The built-in renderer may still finish it in the background.</source>
      <translation>Framecast перестанет его ждать и не покажет его. Встроенный рендерер может всё же доделать его в фоне.</translation>
    </message>
    <message>
      <source>The service has no way to stop a render once it has started, so the server may still finish it (and charge for it). Framecast will stop waiting for it.</source>
      <translation>Сервис не умеет останавливать начатый рендер, поэтому сервер может всё же завершить его (и взять за это плату). Framecast перестанет его ждать.</translation>
    </message>
    <message>
      <source>Again with a new seed</source>
      <translation>Ещё раз с новым зерном</translation>
    </message>
    <message>
      <source>Make this video again right away: the same prompt and settings, a new random seed.</source>
      <translation>Сразу создать это видео ещё раз: то же описание и настройки, новое случайное зерно.</translation>
    </message>
    <message>
      <source>Stop following</source>
      <translation>Перестать следить</translation>
    </message>
    <message>
      <source>Keep waiting</source>
      <translation>Ждать дальше</translation>
    </message>
    <message>
      <source>Also delete it from my account on the server (can't be undone)</source>
      <translation>Удалить и из моего аккаунта на сервере (отменить нельзя)</translation>
    </message>
    <message>
      <source>Delete video?</source>
      <translation>Удалить видео?</translation>
    </message>
    <message>
      <source>Delete this video and its file from this computer?</source>
      <translation>Удалить это видео и его файл с этого компьютера?</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Удалить</translation>
    </message>
    <message>
      <source>Keep</source>
      <translation>Оставить</translation>
    </message>
    <message>
      <source>Clear history?</source>
      <translation>Очистить историю?</translation>
    </message>
    <message>
      <source>Clear history</source>
      <translation>Очистить историю</translation>
    </message>
    <message>
      <source>Version %1</source>
      <translation>Версия %1</translation>
    </message>
    <message>
      <source>A desktop studio for AI video generation: type a prompt, watch it render, play the video.</source>
      <translation>Настольная студия для создания видео с помощью ИИ: опишите сцену, следите за рендером, смотрите видео.</translation>
    </message>
  </context>
  <context>
    <name>Player</name>
    <message>
      <source>Play</source>
      <translation>Смотреть</translation>
    </message>
    <message>
      <source>Dismiss</source>
      <translation>Скрыть</translation>
    </message>
    <message numerus="yes">
      <source>%n new videos are ready</source>
      <translation>
        <numerusform>Готово %n новое видео</numerusform>
        <numerusform>Готово %n новых видео</numerusform>
        <numerusform>Готово %n новых видео</numerusform>
      </translation>
    </message>
    <message>
      <source>Your new video is ready</source>
      <translation>Новое видео готово</translation>
    </message>
    <message>
      <source>Always play new videos</source>
      <translation>Всегда показывать новые</translation>
    </message>
    <message>
      <source>Play every new video as soon as it is ready (Playback menu to turn off)</source>
      <translation>Сразу показывать каждое новое видео, как только оно готово (отключается в меню «Воспроизведение»)</translation>
    </message>
    <message>
      <source>Your video is on its way</source>
      <translation>Ваше видео уже в пути</translation>
    </message>
    <message>
      <source>It will play here as soon as it is ready.
Meanwhile you can write the next prompt.</source>
      <translation>Оно появится здесь, как только будет готово.
А пока можно написать следующее описание.</translation>
    </message>
    <message>
      <source>Waiting for the connection</source>
      <translation>Ждём связь с сервером</translation>
    </message>
    <message>
      <source>Your video continues as soon as the server can be reached again.</source>
      <translation>Работа над видео продолжится, как только сервер снова станет доступен.</translation>
    </message>
    <message>
      <source>No video this time</source>
      <translation>На этот раз без видео</translation>
    </message>
    <message>
      <source>The card below says what went wrong and what Retry does.</source>
      <translation>В карточке ниже написано, что пошло не так и что сделает «Повторить».</translation>
    </message>
    <message>
      <source>Your video will play here</source>
      <translation>Здесь появится ваше видео</translation>
    </message>
    <message>
      <source>Describe a scene on the left and press Generate.
You can keep working while it renders.</source>
      <translation>Опишите сцену слева и нажмите «Создать».
Пока идёт рендер, можно продолжать работу.</translation>
    </message>
    <message>
      <source>Copied: %1</source>
      <translation>Скопировано: %1</translation>
    </message>
    <message>
      <source>Saved to %1</source>
      <translation>Сохранено: %1</translation>
    </message>
    <message>
      <source>Could not save the copy: %1</source>
      <translation>Не удалось сохранить копию: %1</translation>
    </message>
    <message>
      <source>Frame saved to %1</source>
      <translation>Кадр сохранён: %1</translation>
    </message>
    <message>
      <source>The frame was not saved: %1</source>
      <translation>Кадр не сохранён: %1</translation>
    </message>
    <message>
      <source>The last frame could not be taken: %1</source>
      <translation>Не удалось взять последний кадр: %1</translation>
    </message>
    <message>
      <source>No model here can start a video from a picture, so this clip can't be continued. Connect to a service that offers image-to-video models, or use the built-in renderer.</source>
      <translation>Здесь нет модели, которая делает видео из картинки, поэтому этот ролик нельзя продолжить. Подключитесь к сервису с моделями «картинка в видео» или используйте встроенный рендерер.</translation>
    </message>
    <message>
      <source>The last frame is the picture of a new video. Edit the prompt, then Generate.</source>
      <translation>Последний кадр стал картинкой для нового видео. Измените описание и нажмите «Создать».</translation>
    </message>
  </context>
  <context>
    <name>PlayerView</name>
    <message>
      <source>Video</source>
      <extracomment>Where "Continue from last frame" keeps the final frames it takes (they are the new jobs' source pictures, so Retry and "Use these settings" find them).</extracomment>
      <translation>Видео</translation>
    </message>
    <message>
      <source>Poster</source>
      <translation>Обложка</translation>
    </message>
    <message>
      <source>Play</source>
      <translation>Воспроизвести</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>Позиция</translation>
    </message>
    <message>
      <source>Set In point (I)</source>
      <translation>Поставить начало (I)</translation>
    </message>
    <message>
      <source>Set Out point (O)</source>
      <translation>Поставить конец (O)</translation>
    </message>
    <message>
      <source>Loop</source>
      <translation>Повтор</translation>
    </message>
    <message>
      <source>Mute</source>
      <translation>Без звука</translation>
    </message>
    <message>
      <source>Volume</source>
      <translation>Громкость</translation>
    </message>
    <message>
      <source>Fullscreen</source>
      <translation>Во весь экран</translation>
    </message>
    <message>
      <source>Save frame</source>
      <translation>Сохранить кадр</translation>
    </message>
    <message>
      <source>Save the frame showing now as a picture, at the video's full size</source>
      <translation>Сохранить текущий кадр картинкой в полном размере видео</translation>
    </message>
    <message>
      <source>Continue from last frame</source>
      <translation>Продолжить с последнего кадра</translation>
    </message>
    <message>
      <source>Start a new video from this one's last frame, with the same prompt</source>
      <translation>Начать новое видео с последнего кадра этого, с тем же описанием</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>Экспорт…</translation>
    </message>
    <message>
      <source>Save the part between In and Out (or all of it) as MP4, GIF or WebM</source>
      <translation>Сохранить отрезок между началом и концом (или всё видео) как MP4, GIF или WebM</translation>
    </message>
    <message>
      <source>Compare…</source>
      <translation>Сравнить…</translation>
    </message>
    <message>
      <source>Play this video beside another, in step</source>
      <translation>Воспроизвести это видео рядом с другим, синхронно</translation>
    </message>
    <message>
      <source>Save as…</source>
      <translation>Сохранить как…</translation>
    </message>
    <message>
      <source>Show in folder</source>
      <translation>Показать в папке</translation>
    </message>
    <message>
      <source>Copy link</source>
      <translation>Копировать ссылку</translation>
    </message>
    <message>
      <source>Set In point</source>
      <translation>Поставить начало</translation>
    </message>
    <message>
      <source>Set Out point</source>
      <translation>Поставить конец</translation>
    </message>
    <message>
      <source>Clear In and Out</source>
      <translation>Убрать начало и конец</translation>
    </message>
    <message>
      <source>Clear In and Out (Shift+X)</source>
      <translation>Убрать начало и конец (Shift+X)</translation>
    </message>
    <message>
      <source>Unmute</source>
      <translation>Включить звук</translation>
    </message>
    <message>
      <source>Pause</source>
      <translation>Пауза</translation>
    </message>
    <message>
      <source>This video could not be played: %1</source>
      <translation>Не удалось воспроизвести видео: %1</translation>
    </message>
    <message>
      <source>Save video as</source>
      <translation>Сохранить видео как</translation>
    </message>
    <message>
      <source>MP4 video (*.mp4)</source>
      <translation>Видео MP4 (*.mp4)</translation>
    </message>
  </context>
  <context>
    <name>Presets</name>
    <message>
      <source>Preset</source>
      <translation>Пресет</translation>
    </message>
    <message>
      <source>A preset keeps every setting below (not the prompt). Choose one to use its settings.</source>
      <translation>Пресет хранит все настройки ниже (кроме описания). Выберите пресет, чтобы применить его настройки.</translation>
    </message>
    <message>
      <source>Choose a preset…</source>
      <translation>Выберите пресет…</translation>
    </message>
    <message>
      <source>No presets yet</source>
      <translation>Пресетов пока нет</translation>
    </message>
    <message>
      <source>Preset actions</source>
      <translation>Действия с пресетами</translation>
    </message>
    <message>
      <source>Save current settings as…</source>
      <translation>Сохранить текущие настройки как…</translation>
    </message>
    <message>
      <source>Rename…</source>
      <translation>Переименовать…</translation>
    </message>
    <message>
      <source>Delete…</source>
      <translation>Удалить…</translation>
    </message>
    <message>
      <source>Save preset</source>
      <translation>Сохранить пресет</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Сохранить</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Отмена</translation>
    </message>
    <message>
      <source>Name for the current settings:</source>
      <translation>Название для текущих настроек:</translation>
    </message>
    <message>
      <source>Rename preset</source>
      <translation>Переименовать пресет</translation>
    </message>
    <message>
      <source>New name:</source>
      <translation>Новое название:</translation>
    </message>
    <message>
      <source>Replace preset?</source>
      <translation>Заменить пресет?</translation>
    </message>
    <message>
      <source>A preset named “%1” already exists. Replace it with the current settings?</source>
      <translation>Пресет «%1» уже есть. Заменить его текущими настройками?</translation>
    </message>
    <message>
      <source>Replace</source>
      <translation>Заменить</translation>
    </message>
    <message>
      <source>Keep it</source>
      <translation>Оставить</translation>
    </message>
    <message>
      <source>Delete preset?</source>
      <translation>Удалить пресет?</translation>
    </message>
    <message>
      <source>Delete the preset “%1”?</source>
      <translation>Удалить пресет «%1»?</translation>
    </message>
    <message>
      <source>Your videos and the form stay as they are.</source>
      <translation>Ваши видео и форма останутся как есть.</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Удалить</translation>
    </message>
    <message>
      <source>Saved the preset “%1”.</source>
      <translation>Пресет «%1» сохранён.</translation>
    </message>
    <message>
      <source>Renamed to “%1”.</source>
      <translation>Переименован в «%1».</translation>
    </message>
    <message>
      <source>Deleted the preset “%1”.</source>
      <translation>Пресет «%1» удалён.</translation>
    </message>
    <message>
      <source>Using the preset “%1”.</source>
      <translation>Применён пресет «%1».</translation>
    </message>
    <message>
      <source>the model “%1”</source>
      <translation>модель «%1»</translation>
    </message>
    <message>
      <source>the style “%1”</source>
      <translation>стиль «%1»</translation>
    </message>
    <message>
      <source>the duration %1</source>
      <translation>длительность %1</translation>
    </message>
    <message>
      <source>the frame %1</source>
      <translation>кадр %1</translation>
    </message>
    <message>
      <source>the shot size %1</source>
      <translation>план %1</translation>
    </message>
    <message>
      <source>the frame rate %1</source>
      <translation>частота кадров %1</translation>
    </message>
    <message>
      <source>%1 takes</source>
      <translation>дублей: %1</translation>
    </message>
    <message>
      <source>Using the preset “%1”, except %2: not offered now, so the form keeps its own choice.</source>
      <translation>Применён пресет «%1», кроме: %2 — сейчас это недоступно, поэтому в форме осталось прежнее значение.</translation>
    </message>
    <message>
      <source>Give the preset a name of 1 to %1 characters.</source>
      <translation>Дайте пресету название длиной от 1 до %1 символов.</translation>
    </message>
    <message>
      <source>Another preset is already named “%1”.</source>
      <translation>Пресет с названием «%1» уже есть.</translation>
    </message>
    <message>
      <source>The presets could not be saved (%1). Nothing was changed.</source>
      <translation>Не удалось сохранить пресеты (%1). Ничего не изменилось.</translation>
    </message>
    <message>
      <source>The presets could not be read (%1).</source>
      <translation>Не удалось прочитать пресеты (%1).</translation>
    </message>
    <message>
      <source>%1 presets could not be read; the others are here. The old file was kept as %2.</source>
      <translation>Не удалось прочитать пресетов: %1; остальные на месте. Старый файл сохранён как %2.</translation>
    </message>
    <message>
      <source>The presets file was damaged, so it was kept as %1 and a new one was started.</source>
      <translation>Файл пресетов был повреждён: он сохранён как %1, начат новый.</translation>
    </message>
  </context>
  <context>
    <name>ProgressCard</name>
    <message>
      <source>Generation in progress</source>
      <translation>Идёт генерация</translation>
    </message>
    <message>
      <source>Connection</source>
      <translation>Подключение</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Состояние</translation>
    </message>
    <message>
      <source>Progress</source>
      <translation>Прогресс</translation>
    </message>
    <message>
      <source>Check now</source>
      <translation>Проверить сейчас</translation>
    </message>
    <message>
      <source>Ask the server for this job's status right away</source>
      <translation>Сразу запросить у сервера состояние задачи</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Отмена</translation>
    </message>
    <message>
      <source>Stop following this job. The server may still finish it.</source>
      <translation>Перестать следить за задачей. Сервер может всё же её завершить.</translation>
    </message>
    <message>
      <source>Retry</source>
      <translation>Повторить</translation>
    </message>
    <message>
      <source>Dismiss</source>
      <translation>Скрыть</translation>
    </message>
  </context>
  <context>
    <name>ProgressPanel</name>
    <message>
      <source>Active generations</source>
      <translation>Активные генерации</translation>
    </message>
  </context>
  <context>
    <name>PromptForm</name>
    <message>
      <source>Extreme long shot</source>
      <extracomment>Room in a model row: padding at each end, icon, and the gap before the mode and price. The prompt box's height when the column has nothing to spare. How long Advanced keeps itself in view while the layout settles.</extracomment>
      <translation>Дальний общий план</translation>
    </message>
    <message>
      <source>Long shot</source>
      <translation>Общий план</translation>
    </message>
    <message>
      <source>Medium shot</source>
      <translation>Средний план</translation>
    </message>
    <message>
      <source>Medium close-up</source>
      <translation>Первый план</translation>
    </message>
    <message>
      <source>Close-up</source>
      <translation>Крупный план</translation>
    </message>
    <message>
      <source>Extreme close-up</source>
      <translation>Сверхкрупный план</translation>
    </message>
    <message>
      <source>Two shot</source>
      <translation>Двойной план</translation>
    </message>
    <message>
      <source>Detail shot</source>
      <translation>Деталь</translation>
    </message>
    <message>
      <source>price unknown</source>
      <translation>цена неизвестна</translation>
    </message>
    <message>
      <source>Free</source>
      <translation>Бесплатно</translation>
    </message>
    <message>
      <source>Image → video</source>
      <translation>Изображение → видео</translation>
    </message>
    <message>
      <source>Text → video</source>
      <translation>Текст → видео</translation>
    </message>
    <message>
      <source>★ VIP models need a VIP account, and yours is not VIP.</source>
      <translation>Моделям ★ VIP нужен VIP-аккаунт, а ваш — не VIP.</translation>
    </message>
    <message>
      <source>Not listed: 1 model making pictures, sound or video from video.</source>
      <translation>Не показана 1 модель: она делает картинки, звук или видео из видео.</translation>
    </message>
    <message numerus="yes">
      <source>Not listed: %n models making pictures, sound or video from video.</source>
      <translation>
        <numerusform>Не показана %n модель: делают картинки, звук или видео из видео.</numerusform>
        <numerusform>Не показаны %n модели: делают картинки, звук или видео из видео.</numerusform>
        <numerusform>Не показаны %n моделей: делают картинки, звук или видео из видео.</numerusform>
      </translation>
    </message>
    <message>
      <source>turns a video into another video</source>
      <translation>превращает одно видео в другое</translation>
    </message>
    <message>
      <source>makes pictures, not videos</source>
      <translation>делает картинки, а не видео</translation>
    </message>
    <message>
      <source>makes sound, not videos</source>
      <translation>делает звук, а не видео</translation>
    </message>
    <message>
      <source>does not say that it makes videos</source>
      <translation>не сообщает, что делает видео</translation>
    </message>
    <message>
      <source>Failed videos are not charged.</source>
      <translation>За видео, которые не получились, деньги не списываются.</translation>
    </message>
    <message>
      <source>Your balance (%1) is less than this video's estimated cost (%2). Top up, or choose a shorter or cheaper model.</source>
      <translation>На балансе (%1) меньше примерной стоимости этого видео (%2). Пополните баланс или выберите видео короче или модель дешевле.</translation>
    </message>
    <message>
      <source>This model makes %1 videos. Choose one of those frames.</source>
      <translation>Эта модель делает видео %1. Выберите один из этих кадров.</translation>
    </message>
    <message>
      <source>The seed must be a whole number from 0 to %1.</source>
      <translation>Зерно — целое число от 0 до %1.</translation>
    </message>
    <message>
      <source>The server would refuse these settings. Change them.</source>
      <translation>Сервер не примет эти настройки. Измените их.</translation>
    </message>
    <message>
      <source>Estimated cost: %1 for %2 takes</source>
      <translation>Примерная стоимость: %1 за %2 дубля</translation>
    </message>
    <message>
      <source>How many videos one press of Generate makes: the same settings, with the seeds counting up from the one shown.</source>
      <translation>Сколько видео делает одно нажатие «Создать»: с теми же настройками, а зерно каждый раз на единицу больше показанного.</translation>
    </message>
    <message>
      <source>%1/s</source>
      <translation>%1/с</translation>
    </message>
    <message>
      <source>Can't read this file.</source>
      <translation>Не удаётся прочитать файл.</translation>
    </message>
    <message>
      <source>Use a JPEG, PNG or WebP picture.</source>
      <translation>Используйте изображение JPEG, PNG или WebP.</translation>
    </message>
    <message>
      <source>This picture is larger than 10 MB.</source>
      <translation>Изображение больше 10 МБ.</translation>
    </message>
    <message>
      <source>This picture could not be opened.</source>
      <translation>Не удалось открыть изображение.</translation>
    </message>
    <message>
      <source>Describe your video</source>
      <translation>Опишите видео</translation>
    </message>
    <message>
      <source>Prompt</source>
      <translation>Описание</translation>
    </message>
    <message>
      <source>A lighthouse on a cliff at dusk, waves crashing below, warm light sweeping through the fog…</source>
      <translation>Маяк на скале в сумерках, внизу разбиваются волны, тёплый луч скользит сквозь туман…</translation>
    </message>
    <message>
      <source>Model</source>
      <translation>Модель</translation>
    </message>
    <message>
      <source>Loading models…</source>
      <translation>Загрузка моделей…</translation>
    </message>
    <message>
      <source>Duration</source>
      <translation>Длительность</translation>
    </message>
    <message>
      <source>Aspect ratio and resolution</source>
      <translation>Соотношение сторон и разрешение</translation>
    </message>
    <message>
      <source>Style</source>
      <translation>Стиль</translation>
    </message>
    <message>
      <source>No style</source>
      <translation>Без стиля</translation>
    </message>
    <message>
      <source>Shot size</source>
      <translation>План</translation>
    </message>
    <message>
      <source>Any shot</source>
      <translation>Любой план</translation>
    </message>
    <message>
      <source>Frames per second</source>
      <translation>Кадров в секунду</translation>
    </message>
    <message>
      <source>Takes</source>
      <translation>Дубли</translation>
    </message>
    <message>
      <source>Fewer takes</source>
      <translation>Меньше дублей</translation>
    </message>
    <message>
      <source>More takes</source>
      <translation>Больше дублей</translation>
    </message>
    <message>
      <source>%1 fps</source>
      <translation>%1 кадр/с</translation>
    </message>
    <message>
      <source>Seed</source>
      <translation>Зерно</translation>
    </message>
    <message>
      <source>New random seed</source>
      <translation>Новое случайное зерно</translation>
    </message>
    <message>
      <source>New seed each time</source>
      <translation>Новое зерно каждый раз</translation>
    </message>
    <message>
      <source>Each Generate draws a new seed, so the same prompt gives a new video. Turn it off to keep the seed shown.</source>
      <translation>Каждое нажатие «Создать» берёт новое зерно, и то же описание даёт новое видео. Выключите, чтобы оставить показанное зерно.</translation>
    </message>
    <message>
      <source>Source picture</source>
      <translation>Исходное изображение</translation>
    </message>
    <message>
      <source>Negative prompt</source>
      <translation>Негативное описание</translation>
    </message>
    <message>
      <source>What the video should not show</source>
      <translation>Чего не должно быть в видео</translation>
    </message>
    <message>
      <source>Advanced</source>
      <translation>Дополнительно</translation>
    </message>
    <message>
      <source>Advanced settings</source>
      <translation>Дополнительные настройки</translation>
    </message>
    <message>
      <source>Estimated cost</source>
      <translation>Примерная стоимость</translation>
    </message>
    <message>
      <source>What to fix</source>
      <translation>Что исправить</translation>
    </message>
    <message>
      <source>Generate</source>
      <translation>Создать</translation>
    </message>
    <message>
      <source>Generate (Ctrl+Enter)</source>
      <translation>Создать (Ctrl+Enter)</translation>
    </message>
    <message>
      <source>Frame</source>
      <translation>Кадр</translation>
    </message>
    <message>
      <source>Frame rate</source>
      <translation>Частота кадров</translation>
    </message>
    <message>
      <source>No models available</source>
      <translation>Нет доступных моделей</translation>
    </message>
    <message>
      <source>Durations: %1</source>
      <translation>Длительность: %1</translation>
    </message>
    <message>
      <source>Needs a VIP account</source>
      <translation>Нужен VIP-аккаунт</translation>
    </message>
    <message>
      <source>Animates a picture</source>
      <translation>Оживляет изображение</translation>
    </message>
    <message>
      <source>Text to video</source>
      <translation>Текст в видео</translation>
    </message>
    <message>
      <source>%1 per second</source>
      <translation>%1 в секунду</translation>
    </message>
    <message>
      <source>★ VIP only</source>
      <translation>★ только VIP</translation>
    </message>
    <message>
      <source>%1 (not offered)</source>
      <translation>%1 (недоступно)</translation>
    </message>
    <message>
      <source>Waiting for the list of models…</source>
      <translation>Ждём список моделей…</translation>
    </message>
    <message>
      <source>The same seed and settings give the same video. Any whole number from 0 to %1.</source>
      <translation>Одно и то же зерно с теми же настройками даёт то же видео. Любое целое число от 0 до %1.</translation>
    </message>
    <message>
      <source>Choose a model.</source>
      <translation>Выберите модель.</translation>
    </message>
    <message>
      <source>Describe the video you want to start.</source>
      <translation>Опишите видео, чтобы начать.</translation>
    </message>
    <message>
      <source>The prompt is too long: shorten it to %1 characters.</source>
      <translation>Описание слишком длинное: сократите его до %1 символов.</translation>
    </message>
    <message>
      <source>Framecast can't make videos with this model.</source>
      <translation>Framecast не умеет делать видео этой моделью.</translation>
    </message>
    <message>
      <source>This model needs a VIP account, and your account is not VIP.</source>
      <translation>Этой модели нужен VIP-аккаунт, а ваш аккаунт не VIP.</translation>
    </message>
    <message>
      <source>This model does not offer that duration. Choose %1.</source>
      <translation>Эта модель не поддерживает такую длительность. Выберите %1.</translation>
    </message>
    <message>
      <source>Checking the picture…</source>
      <translation>Проверяем изображение…</translation>
    </message>
    <message>
      <source>This model animates a picture: add one above.</source>
      <translation>Эта модель оживляет изображение: добавьте его выше.</translation>
    </message>
    <message>
      <source>Estimated cost: %1</source>
      <translation>Примерная стоимость: %1</translation>
    </message>
    <message>
      <source>Sending…</source>
      <translation>Отправка…</translation>
    </message>
  </context>
  <context>
    <name>PromptRecall</name>
    <message>
      <source>Earlier prompts</source>
      <translation>Прежние описания</translation>
    </message>
    <message>
      <source>Earlier prompts. In an empty prompt box, Up and Down bring them back too.</source>
      <translation>Прежние описания. В пустом поле описания их также возвращают стрелки вверх и вниз.</translation>
    </message>
    <message>
      <source>Filter earlier prompts</source>
      <translation>Искать в прежних описаниях</translation>
    </message>
    <message>
      <source>Enter puts the prompt in the box, Esc closes.</source>
      <translation>Enter вставляет описание в поле, Esc закрывает список.</translation>
    </message>
    <message>
      <source>No earlier prompts yet. Every prompt you send is kept here.</source>
      <translation>Прежних описаний пока нет. Здесь сохраняется каждое отправленное описание.</translation>
    </message>
    <message>
      <source>No earlier prompt has these words.</source>
      <translation>Ни в одном прежнем описании нет этих слов.</translation>
    </message>
    <message>
      <source>Earlier prompt %1 of %2 · Esc goes back</source>
      <translation>Прежнее описание %1 из %2 · Esc — вернуться</translation>
    </message>
  </context>
  <context>
    <name>Queue</name>
    <message>
      <source>Take %1 of %2</source>
      <translation>Дубль %1 из %2</translation>
    </message>
    <message>
      <source>The queue is paused: this video will wait until you resume it.</source>
      <translation>Очередь на паузе: это видео подождёт, пока вы её не возобновите.</translation>
    </message>
    <message>
      <source>This video will wait until one in progress is done.</source>
      <translation>Это видео подождёт, пока не будет готово одно из создаваемых.</translation>
    </message>
    <message>
      <source>One video waiting ahead of this one</source>
      <translation>Перед этим видео в очереди одно видео</translation>
    </message>
    <message numerus="yes">
      <source>%n videos waiting ahead of this one</source>
      <translation>
        <numerusform>Перед этим видео в очереди %n видео</numerusform>
        <numerusform>Перед этим видео в очереди %n видео</numerusform>
        <numerusform>Перед этим видео в очереди %n видео</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Waiting to be sent (%n)</source>
      <translation>
        <numerusform>В очереди (%n)</numerusform>
        <numerusform>В очереди (%n)</numerusform>
        <numerusform>В очереди (%n)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Sent %n at a time. Waiting videos cost nothing until they are sent.</source>
      <translation>
        <numerusform>Отправляется по %n за раз. Видео в очереди ничего не стоят, пока не отправлены.</numerusform>
        <numerusform>Отправляется по %n за раз. Видео в очереди ничего не стоят, пока не отправлены.</numerusform>
        <numerusform>Отправляется по %n за раз. Видео в очереди ничего не стоят, пока не отправлены.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n at a time</source>
      <translation>
        <numerusform>по %n за раз</numerusform>
        <numerusform>по %n за раз</numerusform>
        <numerusform>по %n за раз</numerusform>
      </translation>
    </message>
    <message>
      <source>How many videos are sent to this service at the same time; the rest wait here.</source>
      <translation>Сколько видео отправляется в сервис одновременно; остальные ждут здесь.</translation>
    </message>
    <message>
      <source>Paused: nothing more is sent until you resume.</source>
      <translation>Пауза: новые видео не отправляются, пока вы не возобновите.</translation>
    </message>
    <message>
      <source>Resume sending</source>
      <translation>Продолжить</translation>
    </message>
    <message>
      <source>Pause sending</source>
      <translation>Пауза</translation>
    </message>
    <message>
      <source>A waiting video could not be sent. It stays in the queue; Framecast tries again when a video in progress is done.</source>
      <translation>Не удалось отправить видео из очереди. Оно остаётся в очереди; Framecast попробует снова, когда будет готово одно из создаваемых видео.</translation>
    </message>
  </context>
  <context>
    <name>QueuePanel</name>
    <message>
      <source>Videos waiting to be sent</source>
      <extracomment>Room kept beside the title's words on the buttons' line (the note gets what is left).</extracomment>
      <translation>Видео в очереди на отправку</translation>
    </message>
    <message>
      <source>Move to top</source>
      <translation>В начало очереди</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Убрать</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <source>Settings</source>
      <translation>Настройки</translation>
    </message>
    <message>
      <source>Built-in local renderer (works offline, free)</source>
      <translation>Встроенный рендерер (без интернета, бесплатно)</translation>
    </message>
    <message>
      <source>SuperDuperAI cloud</source>
      <translation>Облако SuperDuperAI</translation>
    </message>
    <message>
      <source>Custom server</source>
      <translation>Свой сервер</translation>
    </message>
    <message>
      <source>Server address</source>
      <translation>Адрес сервера</translation>
    </message>
    <message>
      <source>API token</source>
      <translation>API-токен</translation>
    </message>
    <message>
      <source>Test connection</source>
      <translation>Проверить подключение</translation>
    </message>
    <message>
      <source>Download folder</source>
      <translation>Папка для видео</translation>
    </message>
    <message>
      <source>Framecast's own folder</source>
      <translation>Папка Framecast</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Выбрать…</translation>
    </message>
    <message>
      <source>Choose download folder</source>
      <translation>Выбрать папку для видео</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>Язык</translation>
    </message>
    <message>
      <source>System language</source>
      <translation>Язык системы</translation>
    </message>
    <message>
      <source>A new language applies the next time Framecast starts.</source>
      <translation>Новый язык применится при следующем запуске Framecast.</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Сохранить</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Отмена</translation>
    </message>
    <message>
      <source>Backend</source>
      <translation>Сервер</translation>
    </message>
    <message>
      <source>Videos folder</source>
      <translation>Папка для видео</translation>
    </message>
    <message>
      <source>The built-in renderer needs no token.</source>
      <translation>Встроенному рендереру токен не нужен.</translation>
    </message>
    <message>
      <source>Enter the server's address, such as https://example.com.</source>
      <translation>Введите адрес сервера, например https://example.com.</translation>
    </message>
    <message>
      <source>Saved — paste a new token to replace it</source>
      <translation>Сохранён — вставьте новый токен, чтобы заменить</translation>
    </message>
    <message>
      <source>Paste your API token</source>
      <translation>Вставьте ваш API-токен</translation>
    </message>
    <message>
      <source>The built-in renderer starts with the app.</source>
      <translation>Встроенный рендерер запускается вместе с приложением.</translation>
    </message>
    <message>
      <source>That address is not an http(s) URL.</source>
      <translation>Этот адрес не является URL http(s).</translation>
    </message>
    <message>
      <source>Connected: 1 model available.</source>
      <translation>Подключено: доступна 1 модель.</translation>
    </message>
    <message numerus="yes">
      <source>Connected: %n models available.</source>
      <translation>
        <numerusform>Подключено: доступна %n модель.</numerusform>
        <numerusform>Подключено: доступно %n модели.</numerusform>
        <numerusform>Подключено: доступно %n моделей.</numerusform>
      </translation>
    </message>
    <message>
      <source>The server did not accept this token. Check that you copied all of it, or create a new one in your SuperDuperAI account.</source>
      <translation>Сервер не принял этот токен. Проверьте, что скопировали его целиком, или создайте новый в своём аккаунте SuperDuperAI.</translation>
    </message>
    <message>
      <source>The connection failed.</source>
      <translation>Подключиться не удалось.</translation>
    </message>
    <message>
      <source>Your token is saved in the system keyring.</source>
      <translation>Ваш токен хранится в системном хранилище ключей.</translation>
    </message>
    <message>
      <source>A token you paste is saved in the system keyring.</source>
      <translation>Вставленный токен сохранится в системном хранилище ключей.</translation>
    </message>
    <message>
      <source>This computer has no keyring, so your token is saved in a private file only you can read: %1</source>
      <translation>На этом компьютере нет хранилища ключей, поэтому ваш токен хранится в личном файле, который можете прочитать только вы: %1</translation>
    </message>
    <message>
      <source>This computer has no keyring, so a token you paste is saved in a private file only you can read: %1</source>
      <translation>На этом компьютере нет хранилища ключей, поэтому вставленный токен сохранится в личном файле, который можете прочитать только вы: %1</translation>
    </message>
    <message>
      <source>Balance: %1.</source>
      <translation>Баланс: %1.</translation>
    </message>
    <message>
      <source>Choose where videos are saved</source>
      <translation>Выберите, куда сохранять видео</translation>
    </message>
    <message>
      <source>Enter the custom server's address (http:// or https://).</source>
      <translation>Введите адрес своего сервера (http:// или https://).</translation>
    </message>
    <message>
      <source>Leave the user name and password out of the address: paste your API token in the API token field instead.</source>
      <translation>Уберите имя пользователя и пароль из адреса: вставьте API-токен в поле «API-токен».</translation>
    </message>
    <message>
      <source>The token could not be saved: %1</source>
      <translation>Не удалось сохранить токен: %1</translation>
    </message>
  </context>
  <context>
    <name>Startup</name>
    <message>
      <source>%1 must be a number of seconds from %2 to %3.</source>
      <translation>Переменная %1 должна содержать число секунд от %2 до %3.</translation>
    </message>
    <message>
      <source>%1 must be an http:// or https:// address without a user name or password.</source>
      <translation>Переменная %1 должна содержать адрес http:// или https:// без имени пользователя и пароля.</translation>
    </message>
    <message>
      <source>%1 holds a value Framecast can't use.</source>
      <translation>В переменной %1 значение, которое Framecast не может использовать.</translation>
    </message>
    <message>
      <source>The history %1 was damaged. It was kept as %2 and a new, empty history was started.</source>
      <translation>История %1 была повреждена. Она сохранена как %2, и начата новая, пустая история.</translation>
    </message>
    <message>
      <source>Framecast uses its default value instead.</source>
      <translation>Framecast использует вместо него значение по умолчанию.</translation>
    </message>
    <message>
      <source>Framecast can't write its log file in %1.</source>
      <translation>Framecast не может записывать журнал в %1.</translation>
    </message>
    <message>
      <source>its log folder</source>
      <translation>папку журнала</translation>
    </message>
    <message>
      <source>The settings file %1 has a bad value for %2; it was ignored.</source>
      <translation>В файле настроек %1 неверное значение %2; оно пропущено.</translation>
    </message>
    <message>
      <source>The settings file %1 can't be read; using the default settings.</source>
      <translation>Файл настроек %1 не читается; используются настройки по умолчанию.</translation>
    </message>
    <message>
      <source>The settings file %1 is not UTF-8 text; using the default settings.</source>
      <translation>Файл настроек %1 — не текст в кодировке UTF-8; используются настройки по умолчанию.</translation>
    </message>
    <message>
      <source>The settings file %1 is damaged; using the default settings.</source>
      <translation>Файл настроек %1 повреждён; используются настройки по умолчанию.</translation>
    </message>
    <message>
      <source>Framecast can't write to its data folder %1. Make it writable, or choose another folder with %2.</source>
      <translation>Framecast не может записывать в свою папку данных %1. Разрешите запись в неё или выберите другую папку переменной %2.</translation>
    </message>
    <message>
      <source>The history %1 was made by a newer Framecast. Update Framecast, or move the file away to start a new history.</source>
      <translation>История %1 создана более новой версией Framecast. Обновите Framecast или уберите этот файл, чтобы начать новую историю.</translation>
    </message>
    <message>
      <source>Framecast can't open its history %1.</source>
      <translation>Framecast не может открыть свою историю %1.</translation>
    </message>
  </context>
  <context>
    <name>TopBar</name>
    <message>
      <source>Backend status</source>
      <extracomment>The status dot's colour role (`#backendStatus[state=...]` in the stylesheet).</extracomment>
      <translation>Состояние сервера</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>Настройки</translation>
    </message>
    <message>
      <source>Settings (Ctrl+,)</source>
      <translation>Настройки (Ctrl+,)</translation>
    </message>
  </context>
</TS>
